package com.cpsync.standin.config;

import java.net.http.HttpClient;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.cpsync.standin.application.CenterpointEventPublisher;
import com.cpsync.standin.application.ReceiveCommand;
import com.cpsync.standin.domain.CenterpointData;
import com.cpsync.standin.json.EventJsonAvroMapper;
import com.cpsync.standin.json.SettingsJsonAvroMapper;

@Configuration(proxyBeanMethods = false)
public class StandInConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CenterpointData centerpointData() {
        return new CenterpointData();
    }

    @Bean
    ReceiveCommand receiveCommand(CenterpointData data, CenterpointEventPublisher publisher, Clock clock) {
        return new ReceiveCommand(data, publisher, clock);
    }

    @Bean
    EventJsonAvroMapper eventJsonAvroMapper(Clock clock) {
        return new EventJsonAvroMapper(clock);
    }

    @Bean
    SettingsJsonAvroMapper settingsJsonAvroMapper(Clock clock) {
        return new SettingsJsonAvroMapper(clock);
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
