package com.cpsync.outbound.it;

import java.time.Clock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import com.cpsync.testsupport.AdjustableClock;

/**
 * The service's clock in ITs (parking, set-aside events, outcome times): it runs with the system clock,
 * and a test moves it forward instead of waiting, e.g. past QBO's 60 s throttle wait.
 */
@TestConfiguration(proxyBeanMethods = false)
class OutboundClock {

    static final AdjustableClock CLOCK = new AdjustableClock();

    @Bean
    @Primary
    Clock movableOutboundClock() {
        return CLOCK;
    }
}
