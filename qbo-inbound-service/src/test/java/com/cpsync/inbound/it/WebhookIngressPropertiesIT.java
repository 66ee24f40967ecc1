package com.cpsync.inbound.it;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.cpsync.inbound.QboInboundServiceApplication;
import com.cpsync.inbound.domain.webhook.WebhookSignature;
import com.cpsync.schemas.Topics;
import com.cpsync.schemas.avro.QboEntityChange;
import com.cpsync.testsupport.apps.InProcessPeers;

import static com.cpsync.inbound.it.HostileBodies.Event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Generated hostile input at the webhook ingress, through the real HTTP stack on a real port, with a real
 * (embedded) broker: never a 5xx, never a record from a body that is not signed with the verifier token,
 * and a signed body publishes exactly its valid events. Processing of {@code qbo.changes.v1} is off
 * (listener not started, CDC off): only what the ingress publishes lands on the topic, so the topic's end
 * offset counts exactly the ingress's records.
 */
class WebhookIngressPropertiesIT {

    private static final String TOKEN = "properties-it-verifier-token";
    private static final int MAX_BYTES = 64 * 1024;
    private static final TopicPartition CHANGES = new TopicPartition(Topics.QBO_CHANGES, 0);

    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext app;
    private static AdminClient admin;
    private static TopicRecorder topics;
    private static URI webhook;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final AtomicInteger TRIES = new AtomicInteger();

    @BeforeContainer
    static void start() {
        broker = new EmbeddedKafkaKraftBroker(1, 1, Topics.QBO_CHANGES, Topics.CENTERPOINT_SYNC_SETTINGS);
        broker.brokerListProperty("webhook.properties.brokers");
        broker.afterPropertiesSet();
        // arguments, not default properties: they win over system properties an earlier IT's broker left behind
        app = new SpringApplicationBuilder(QboInboundServiceApplication.class).run("--server.port=0",
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--app.webhook.verifier-token=" + TOKEN, "--app.webhook.max-body-size=" + MAX_BYTES + "B",
                "--app.cdc.enabled=false", "--spring.kafka.listener.auto-startup=false",
                "--app.inbound.mapping-url=http://localhost:1", "--app.inbound.qbo-url=http://localhost:1",
                "--spring.autoconfigure.exclude=" + InProcessPeers.NO_DATABASE);
        webhook = URI.create("http://localhost:" + app.getEnvironment().getProperty("local.server.port")
                + "/webhooks/quickbooks");
        admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
        topics = new TopicRecorder(broker.getBrokersAsString(), List.of(Topics.QBO_CHANGES));
    }

    @AfterContainer
    static void stop() throws InterruptedException {
        topics.close();
        admin.close();
        app.close();
        broker.destroy();
    }

    @Property(tries = 200)
    void shouldNeverAnswer5xxNorPublishABodyThatIsNotSignedWithTheVerifierToken(
            @ForAll("bodies") byte[] body, @ForAll("badSignatures") BadSignature signature,
            @ForAll("contentTypes") HostileBodies.Header contentType) throws Exception {
        long before = endOffset();

        HttpResponse<String> response = post(body, signature.of(body), contentType);

        int expected = !contentType.accepted() ? 415 : body.length > MAX_BYTES ? 413 : 401;
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        assertThat(endOffset()).isEqualTo(before);
    }

    @Property(tries = 200)
    void shouldAnswerAnySignedBodyWithoutA5xxAndPublishOnlyWhatItAccepted(@ForAll("bodies") byte[] body,
            @ForAll("contentTypes") HostileBodies.Header contentType) throws Exception {
        long before = endOffset();

        HttpResponse<String> response = post(body, signatureOf(body), contentType);

        assertThat(response.statusCode()).as(response.body()).isLessThan(500);
        if (!contentType.accepted()) {
            assertThat(response.statusCode()).isEqualTo(415);
        }
        else if (body.length > MAX_BYTES) {
            assertThat(response.statusCode()).isEqualTo(413);
        }
        else {
            assertThat(response.statusCode()).as(response.body()).isIn(200, 400);
            assertThat(response.body()).contains(response.statusCode() == 200 ? "\"accepted\":" : "\"message\":");
        }
        long accepted = response.statusCode() == 200 ? acceptedOf(response) : 0;
        assertThat(endOffset() - before).isEqualTo(accepted);
    }

    @Property(tries = 100)
    void shouldPublishExactlyTheValidEventsOfASignedPost(@ForAll("events") List<Event> events,
            @ForAll boolean cloudEvents, @ForAll("acceptedContentTypes") HostileBodies.Header contentType)
            throws Exception {
        String realm = "prop-" + TRIES.incrementAndGet();
        String body = cloudEvents ? HostileBodies.cloudEvents(realm, events) : HostileBodies.legacy(realm, events);
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).valid()) {
                valid.add(HostileBodies.entityId(i));
            }
        }
        long before = endOffset();

        HttpResponse<String> response = post(bytes(body), signatureOf(bytes(body)), contentType);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(acceptedOf(response)).isEqualTo(valid.size());
        assertThat(endOffset() - before).isEqualTo(valid.size());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(topics
                .values(Topics.QBO_CHANGES, QboEntityChange.class).stream()
                .filter(change -> change.getRealmId().equals(realm)).map(QboEntityChange::getEntityId))
                .containsExactlyInAnyOrderElementsOf(valid));
    }

    /** What is wrong with a signature; none of them is the verifier token's signature of the body. */
    enum BadSignature {
        NONE, EMPTY, RANDOM_BASE64, NOT_BASE64, OF_ANOTHER_BODY, WITH_ANOTHER_TOKEN, TRUNCATED;

        String of(byte[] body) {
            String right = signatureOf(body);
            switch (this) {
                case NONE: return null;
                case EMPTY: return "";
                case RANDOM_BASE64: return "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
                case NOT_BASE64: return "not a signature!";
                case OF_ANOTHER_BODY: return signatureOf(("x" + new String(body, StandardCharsets.ISO_8859_1))
                        .getBytes(StandardCharsets.ISO_8859_1));
                case WITH_ANOTHER_TOKEN: return new WebhookSignature(TOKEN + "-other").signatureOf(body);
                default: return right.substring(0, right.length() - 4);
            }
        }
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return HostileBodies.bodies(MAX_BYTES);
    }

    @Provide
    Arbitrary<BadSignature> badSignatures() {
        return Arbitraries.of(BadSignature.class);
    }

    @Provide
    Arbitrary<HostileBodies.Header> contentTypes() {
        return HostileBodies.contentTypes();
    }

    @Provide
    Arbitrary<HostileBodies.Header> acceptedContentTypes() {
        return HostileBodies.acceptedContentTypes();
    }

    @Provide
    Arbitrary<List<Event>> events() {
        return Combinators.combine(Arbitraries.of(true, true, false), HostileBodies.defects())
                .as(Event::new).list().ofMaxSize(30);
    }

    /** No Content-Length (streamed) half the time, so the size limit is met while reading too. */
    private static HttpResponse<String> post(byte[] body, String signature, HostileBodies.Header contentType)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(30))
                .POST(body.length % 2 == 0 ? HttpRequest.BodyPublishers.ofByteArray(body)
                        : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        contentType.headers().forEach(request::header);
        if (signature != null) {
            request.header("intuit-signature", signature);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long acceptedOf(HttpResponse<String> response) {
        Matcher accepted = Pattern.compile("\"accepted\":(\\d+)").matcher(response.body());
        assertThat(accepted.find()).as(response.body()).isTrue();
        return Long.parseLong(accepted.group(1));
    }

    private static long endOffset() throws Exception {
        return admin.listOffsets(Map.of(CHANGES, OffsetSpec.latest())).partitionResult(CHANGES).get().offset();
    }

    private static String signatureOf(byte[] body) {
        return new WebhookSignature(TOKEN).signatureOf(body);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
