package com.cpsync.standin.config;

import java.net.http.HttpClient;
import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import com.cpsync.standin.application.ReceiveCommand;
import com.cpsync.standin.domain.CenterpointData;
import com.cpsync.standin.json.EventJsonAvroMapper;
import com.cpsync.standin.json.SettingsJsonAvroMapper;
import com.cpsync.syncsupport.auth.ServiceTokens;

/** The clock and the HTTP client are built here; what is built by its constructor alone is imported. */
@Configuration(proxyBeanMethods = false)
@Import({CenterpointData.class, ReceiveCommand.class, EventJsonAvroMapper.class, SettingsJsonAvroMapper.class})
public class StandInConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The stand-in plays Centerpoint, the one caller mapping-service lets connect and disconnect tenants. */
    @Bean
    ServiceTokens mappingServiceCredential(@Value("${spring.application.name}") String name,
            @Value("${app.service-auth.private-key:}") String privateKey) {
        // the wall clock: mapping-service checks the token's times against its own
        return ServiceTokens.of(name, privateKey, Clock.systemUTC());
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
