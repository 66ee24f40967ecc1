package com.cpsync.standin.config;

import java.net.http.HttpClient;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import com.cpsync.standin.application.ReceiveCommand;
import com.cpsync.standin.domain.CenterpointData;
import com.cpsync.standin.json.EventJsonAvroMapper;
import com.cpsync.standin.json.SettingsJsonAvroMapper;

/** The clock and the HTTP client are built here; what is built by its constructor alone is imported. */
@Configuration(proxyBeanMethods = false)
@Import({CenterpointData.class, ReceiveCommand.class, EventJsonAvroMapper.class, SettingsJsonAvroMapper.class})
public class StandInConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    HttpClient connectionHttpClient(StandInProperties properties) {
        // redirects are followed by hand: each hop of the OAuth flow is checked
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.httpTimeout())
                .build();
    }
}
