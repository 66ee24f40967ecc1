package com.cpsync.outbound.adapter.in.kafka.work;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.cpsync.outbound.adapter.out.http.FakeQboHttp;
import com.cpsync.outbound.adapter.out.http.QboClientGateway;
import com.cpsync.outbound.application.port.QboWrite;
import com.cpsync.outbound.domain.centerpoint.Company;
import com.cpsync.outbound.domain.companies.CustomerFields;
import com.cpsync.outbound.domain.events.EventPayload.CompanyChanged;
import com.cpsync.outbound.domain.events.OutboundEvent;
import com.cpsync.qbo.client.BatchingQboCalls;
import com.cpsync.qbo.client.CallPriority;
import com.cpsync.qbo.client.QboClient;
import com.cpsync.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 429 without Retry-After (QBO documents none, facts §11.4) parks the tenant for QBO's 60 s, from a
 * real HTTP answer through qbo-client and the QBO adapter to the work queues, on a test clock: the realm
 * is not asked again before the clock has moved 60 s, even though the configured throttle-wait is shorter.
 */
class ThrottledRealmParkingTest {

    private static final String THROTTLE_BODY = "{\"Fault\":{\"Error\":[{\"Message\":\"message=ThrottleExceeded;"
            + " errorCode=003001; statusCode=429\",\"code\":\"3001\"}],\"type\":\"SERVICE\"}}";

    private final MutableClock clock = new MutableClock();
    private final TenantWorkQueues<WorkItem> queues = new TenantWorkQueues<>(clock);
    private final FakeQboHttp qbo = new FakeQboHttp().answer(429, "application/json", THROTTLE_BODY);
    private final QboClientGateway gateway = new QboClientGateway(new BatchingQboCalls(QboClient.builder(qbo.baseUrl())
            .build()), CircuitBreakerRegistry.ofDefaults(), () -> CallPriority.LIVE);
    private final EventWorkers workers = new EventWorkers(queues, event -> {
        gateway.create("realm-1", "token", new QboWrite.CreateCustomer(CustomerFields.of(acme())), event.eventId());
        return Optional.empty();
    }, outcome -> { }, new ParkPolicy(Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofSeconds(1),
            Duration.ofSeconds(30), Duration.ofSeconds(15)), new HandleEverything(), clock, () -> true, () -> { },
            Duration.ofMinutes(10), 1);

    @AfterEach
    void stopQbo() {
        qbo.close();
    }

    @Test
    void shouldParkAThrottledTenantForQbosSixtySecondsWhenNoRetryAfterCame() {
        queues.submit("t1", new WorkItem(event(), () -> { }, new RecordOrigin.Events(0, 0, 1, null)));

        workers.work(queues.tryClaim().orElseThrow());

        assertThat(qbo.requests()).hasSize(1);
        assertThat(queues.parkedTenants()).containsEntry("t1", "THROTTLED");
        clock.advance(Duration.ofSeconds(59));
        assertThat(queues.tryClaim()).as("still parked after 59 s").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(queues.tryClaim()).as("due after 60 s").isPresent();
        assertThat(qbo.requests()).hasSize(1);
    }

    private static Company acme() {
        return new Company("c1", "Acme", null, null, null);
    }

    private static OutboundEvent event() {
        return new OutboundEvent("e1", "t1", Instant.now(), null, new CompanyChanged(CompanyChanged.Kind.CREATED,
                acme()));
    }
}
