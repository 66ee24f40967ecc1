package com.cpsync.inbound.it;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.cpsync.inbound.adapter.in.CdcPollScheduler;
import com.cpsync.inbound.adapter.out.kafka.ChangeAvroMapper;
import com.cpsync.inbound.domain.change.ChangeOperation;
import com.cpsync.inbound.domain.change.ChangeSource;
import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.inbound.domain.change.QboEntity;
import com.cpsync.schemas.Topics;
import com.cpsync.schemas.avro.QboEntityChange;
import com.cpsync.schemas.avro.SyncResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A realm whose QBO is down is parked and retried; the other realms of the same batches keep flowing. */
class RealmIsolationIT extends InboundItBase {

    /** Longer than the test: the outage ends when the test ends it, not on a clock. */
    private static final int OUTAGE_BOUND_SECONDS = 300;

    @Autowired
    CdcPollScheduler scheduler;

    @Test
    void shouldKeepAnotherRealmFlowingWhileOneRealmsQboIsDownAndCatchUpOnceItIsBack() throws Exception {
        connect("t-out-a", "r-out-a", settings("t-out-a").setGetNewCompaniesFromQbo(true));
        connect("t-out-b", "r-out-b", settings("t-out-b").setGetNewCompaniesFromQbo(true));
        // realm A's customer reaches this service only through the record published below: no webhook, no poll
        scheduler.stop();
        stack.webhooks(webhookUrl(), TOKEN, false);
        try {
            String aId = stack.create("r-out-a", "Customer", "{\"DisplayName\":\"Down Roofing\"}").path("Id").asString();
            stack.outage("r-out-a", OUTAGE_BOUND_SECONDS);
            stack.webhooks(webhookUrl(), TOKEN, true);
            Instant now = Instant.now();
            // without entityJson, as a webhook: processing has to read QBO, which is down for realm A
            producer.send(new ProducerRecord<>(Topics.QBO_CHANGES, "r-out-a", ChangeAvroMapper.toAvro(new EntityChange(
                    UUID.randomUUID().toString(), "r-out-a", QboEntity.CUSTOMER, aId, ChangeOperation.CREATE, now,
                    null, ChangeSource.WEBHOOK, now, null)))).get();
            String bId = stack.create("r-out-b", "Customer", "{\"DisplayName\":\"Up Plumbing\"}").path("Id").asString();

            // during A's outage: B's change is synced, A's is not
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(commandsFor("t-out-b", "Customer", bId)).hasSize(1);
                assertThat(outcomes("t-out-b", bId)).hasSize(1);
            });
            assertThat(commandsFor("t-out-a", "Customer", aId)).isEmpty();

            stack.outage("r-out-a", 0);

            await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor("t-out-a", "Customer", aId)).hasSize(1));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(commandsFor("t-out-a", "Customer", aId)).hasSize(1);
                assertThat(outcomes("t-out-a", aId)).singleElement()
                        .satisfies(o -> assertThat(o.getResult()).isEqualTo(SyncResult.SYNCED));
            });
            assertThat(topics.values(CHANGES_DLT, QboEntityChange.class))
                    .noneMatch(c -> c.getRealmId().startsWith("r-out-"));
        }
        finally {
            stack.outage("r-out-a", 0);
            stack.webhooks(webhookUrl(), TOKEN, true);
            scheduler.start();
        }
    }
}
