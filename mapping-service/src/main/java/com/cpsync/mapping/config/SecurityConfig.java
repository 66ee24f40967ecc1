package com.cpsync.mapping.config;

import java.time.Clock;


import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
