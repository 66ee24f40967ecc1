package com.cpsync.outbound.it;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.cpsync.outbound.adapter.in.kafka.work.TenantWorkQueues;
import com.cpsync.outbound.adapter.in.kafka.work.WorkItem;
import com.cpsync.schemas.avro.CompaniesToQbo;
import com.cpsync.schemas.avro.CompanyCreated;
import com.cpsync.schemas.avro.SyncResult;

import static com.cpsync.outbound.it.ItFixtures.company;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * QBO's 429 carries no Retry-After (facts §11.4; the sandbox's {@code retryAfter:false}): the tenant is
 * parked for QBO's 60 s, not polled, and then syncs. The service's clock is moved, never waited on; the
 * configured {@code throttle-wait} of 2 s is not what applies.
 */
class ThrottleIT extends OutboundItBase {

    @Autowired
    private TenantWorkQueues<WorkItem> queues;

    @Test
    void shouldParkAThrottledTenantForSixtySecondsWhenQboSendsNoRetryAfter() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED);
        // match before create asks Customer, Vendor and Employee: the third call of the minute is refused
        apps().setFaults(t.realm(), "{\"retryAfter\":false,\"requestsPerMinute\":2}");

        String created = publish(t, new CompanyCreated(company("c1", "Throttled Ltd")));
        await().atMost(WAIT).until(() -> "THROTTLED".equals(queues.parkedTenants().get(t.id())));
        apps().setFaults(t.realm(), "{\"requestsPerMinute\":500}");
        int requestsWhenParked = apps().stats(t.realm()).path("requests").asInt();

        OutboundClock.CLOCK.advance(Duration.ofSeconds(30));
        assertThat(queues.parkedTenants()).as("still parked 30 s on").containsEntry(t.id(), "THROTTLED");
        assertThat(apps().stats(t.realm()).path("requests").asInt()).as("not polled").isEqualTo(requestsWhenParked);
        OutboundClock.CLOCK.advance(Duration.ofSeconds(31));

        assertThat(awaitOutcome(t, created, "c1").getResult()).isEqualTo(SyncResult.SYNCED);
        assertThat(apps().stats(t.realm()).path("byStatus").path("429").asInt()).isEqualTo(1);
        assertThat(apps().entities(t.realm(), "Customer")).hasSize(1);
    }
}
