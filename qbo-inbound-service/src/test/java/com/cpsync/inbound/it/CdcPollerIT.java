package com.cpsync.inbound.it;

import java.time.Duration;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import com.cpsync.inbound.QboInboundServiceApplication;
import com.cpsync.inbound.adapter.in.CdcPollScheduler;
import com.cpsync.schemas.avro.QboEntityChange;
import com.cpsync.testsupport.apps.InProcessPeers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With webhooks off, the CDC poller alone keeps a realm in step, across a restart of the service. */
class CdcPollerIT extends InboundItBase {

    /** One CDC interval, plus the poll itself and processing on a busy machine. */
    private static final Duration ONE_CDC_POLL = Duration.ofSeconds(Long.parseLong(CDC_INTERVAL_SECONDS) + 5);

    @Autowired
    CdcPollScheduler scheduler;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void shouldKeepARealmInStepByCdcAloneAcrossAServiceRestart() {
        connect("t-cdc", "r-cdc", settings("t-cdc").setGetNewCompaniesFromQbo(true));
        stack.webhooks(webhookUrl(), TOKEN, false);
        try {
            String first = stack.create("r-cdc", "Customer", "{\"DisplayName\":\"Quiet Plumbing\"}").path("Id").asString();
            await().atMost(ONE_CDC_POLL).untilAsserted(() -> assertThat(commandsFor("t-cdc", "Customer", first)).hasSize(1));

            // stop this instance (poller and consumer): what the next one knows is only what mapping-service
            // (cursor, applied versions) and Kafka (offsets) kept
            scheduler.stop();
            listeners.stop();
            String second = stack.create("r-cdc", "Customer", "{\"DisplayName\":\"Quiet Electric\"}").path("Id").asString();
            Predicate<QboEntityChange> firstCustomer = c -> c.getRealmId().equals("r-cdc") && c.getEntityId().equals(first);
            int firstDeliveriesBefore = changes(firstCustomer).size();
            try (ConfigurableApplicationContext restarted = startAnotherInstance()) {
                // not missed: created while no instance ran, found from the persisted cursor
                await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor("t-cdc", "Customer", second)).hasSize(1));
                // not repeated: the cursor's overlap made the new instance re-read the first customer in the same
                // CDC answer, ahead of the second on the realm's partition, and it emitted nothing for it
                assertThat(changes(firstCustomer)).hasSizeGreaterThan(firstDeliveriesBefore);
                assertThat(commandsFor("t-cdc", "Customer", first)).hasSize(1);
            }
            finally {
                listeners.start();
                scheduler.start();
            }
            assertThat(changes(c -> c.getRealmId().equals("r-cdc"))).allMatch(c -> c.getSource().name().equals("CDC"));
        }
        finally {
            stack.webhooks(webhookUrl(), TOKEN, true);
        }
    }

    /** A second instance of this service in the same JVM, as a restarted pod would be: same broker and peers. */
    private static ConfigurableApplicationContext startAnotherInstance() {
        // its own Netty resources: closing it must not dispose the global ones the other in-process apps use
        return new SpringApplicationBuilder(QboInboundServiceApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean(ReactorResourceFactory.class,
                        () -> {
                            ReactorResourceFactory own = new ReactorResourceFactory();
                            own.setUseGlobalResources(false);
                            return own;
                        }))
                .run("--server.port=0", "--spring.kafka.bootstrap-servers=" + brokers(),
                        "--app.inbound.mapping-url=" + stack.mappingUrl, "--app.inbound.qbo-url=" + stack.sandboxUrl,
                        "--app.webhook.verifier-token=" + TOKEN, "--app.cdc.interval=" + CDC_INTERVAL_SECONDS + "s",
                        "--app.cdc.first-look-back=10m", "--spring.autoconfigure.exclude=" + InProcessPeers.NO_DATABASE);
    }
}
