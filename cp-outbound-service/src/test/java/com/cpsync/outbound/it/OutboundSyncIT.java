package com.cpsync.outbound.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.cpsync.outbound.CpOutboundServiceApplication;
import com.cpsync.outbound.adapter.in.kafka.OwnCommandsMemory;
import com.cpsync.outbound.adapter.in.kafka.SettingsMemory;
import com.cpsync.outbound.adapter.in.kafka.SyncSettingsAvroMapper;
import com.cpsync.outbound.adapter.in.kafka.work.TenantWorkQueues;
import com.cpsync.outbound.adapter.in.kafka.work.WorkItem;
import com.cpsync.outbound.config.KafkaConfig;
import com.cpsync.outbound.domain.jobs.RequestIds;
import com.cpsync.schemas.Topics;
import com.cpsync.schemas.avro.Address;
import com.cpsync.schemas.avro.CenterpointCommand;
import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.schemas.avro.CompaniesToQbo;
import com.cpsync.schemas.avro.Company;
import com.cpsync.schemas.avro.CompanyCreated;
import com.cpsync.schemas.avro.CompanyUpdated;
import com.cpsync.schemas.avro.InvoiceLine;
import com.cpsync.schemas.avro.InvoiceLineMode;
import com.cpsync.schemas.avro.NameConflictPolicy;
import com.cpsync.schemas.avro.Project;
import com.cpsync.schemas.avro.ProjectCreated;
import com.cpsync.schemas.avro.ProjectInvoiced;
import com.cpsync.schemas.avro.ProjectUpdated;
import com.cpsync.schemas.avro.ProjectsToQbo;
import com.cpsync.schemas.avro.ServiceInvoice;
import com.cpsync.schemas.avro.ServiceInvoiceCreated;
import com.cpsync.schemas.avro.ServiceInvoiceSent;
import com.cpsync.schemas.avro.ServiceInvoiceUpdated;
import com.cpsync.schemas.avro.ServiceInvoicesToQbo;
import com.cpsync.schemas.avro.ServiceTicket;
import com.cpsync.schemas.avro.ServiceTicketCreated;
import com.cpsync.schemas.avro.ServiceTicketUpdated;
import com.cpsync.schemas.avro.ServiceTicketsToQbo;
import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.schemas.avro.SyncResult;
import com.cpsync.schemas.avro.SyncSettings;
import com.cpsync.schemas.avro.UpsertCompany;
import com.cpsync.schemas.serde.AvroDeserializer;
import com.cpsync.schemas.serde.AvroSerializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 2 and 3 acceptance through a real broker, the real qbo-sandbox and the real mapping-service
 * (embedded PostgreSQL). Each test uses its own tenant and realm, so they share one context.
 * The context and its broker close after the class: left to a JVM shutdown hook, they close while
 * Kafka's own hook deletes the broker's log dirs, and the fork's exit hangs.
 */
@ExtendWith(ExternalAppsExtension.class)
@DirtiesContext(classMode = ClassMode.AFTER_CLASS)
@SpringBootTest(classes = CpOutboundServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.autoconfigure.exclude=" + ItProperties.JDBC_AUTOCONFIG,
        "app.work.initial-backoff=300ms",
        "app.work.max-backoff=2s",
        "app.work.throttle-wait=2s",
        "app.work.disconnected-poll=1s",
        "app.qbo.requests-per-second=4",
        "app.qbo.requests-per-minute=450",
        "app.qbo.limiter-max-wait=100ms",
        "app.qbo.request-timeout=10s",
        "app.qbo.breaker-minimum-calls=3",
        "app.qbo.breaker-open-wait=1s"})
@EmbeddedKafka(partitions = 2, topics = {Topics.CENTERPOINT_EVENTS, Topics.CENTERPOINT_SYNC_SETTINGS,
        Topics.CENTERPOINT_COMMANDS, Topics.SYNC_OUTCOMES, Topics.QBO_CHANGES, "centerpoint.events.v1.DLT"})
class OutboundSyncIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Address MAIN_ST = new Address("1 Main St", null, "Austin", "TX", "78701", "US");

    private static KafkaProducer<String, SpecificRecord> producer;
    private static KafkaConsumer<String, SpecificRecord> outcomeConsumer;
    private static final List<SyncOutcome> OUTCOMES = new ArrayList<>();
    private static final Map<String, SyncSettings> SETTINGS = new HashMap<>();

    @Value("${spring.embedded.kafka.brokers}")
    private String brokers;

    @Autowired
    private TenantWorkQueues<WorkItem> queues;

    @Autowired
    private OwnCommandsMemory ownCommands;

    @Autowired
    private SettingsMemory settingsMemory;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void externalApps(DynamicPropertyRegistry registry) {
        registry.add("app.qbo.base-url", () -> ExternalApps.get().sandboxUrl);
        registry.add("app.mapping.base-url", () -> ExternalApps.get().mappingUrl);
    }

    @AfterAll
    static void closeClients() {
        if (producer != null) {
            producer.close();
        }
        if (outcomeConsumer != null) {
            outcomeConsumer.close();
        }
    }

    // ---------------------------------------------------------------- issue 2: companies

    @Test
    void shouldCreateExactlyOneCustomerWithNameAddressAndEmailWhenCreated() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED);

        String eventId = publish(t, new CompanyCreated(company("c1", "Acme Renovations")));

        SyncOutcome outcome = awaitOutcome(t, eventId, "c1");
        assertThat(outcome.getResult()).isEqualTo(SyncResult.SYNCED);
        assertThat(outcome.getRealmId()).isEqualTo(t.realm);
        List<JsonNode> customers = apps().entities(t.realm, "Customer");
        assertThat(customers).hasSize(1);
        JsonNode customer = customers.get(0);
        assertThat(customer.path("DisplayName").asString()).isEqualTo("Acme Renovations");
        assertThat(customer.path("PrimaryEmailAddr").path("Address").asString()).isEqualTo("ap@c1.example");
        assertThat(customer.path("BillAddr").path("City").asString()).isEqualTo("Austin");
        assertThat(apps().link(t.id, "COMPANY", "c1").path("qboId").asString())
                .isEqualTo(customer.path("Id").asString());
    }

    @Test
    void shouldCreateNoCustomerAndRecordTheSkipWhenNever() {
        Tenant t = tenant(CompaniesToQbo.NEVER);

        String eventId = publish(t, new CompanyCreated(company("c1", "Never Ltd")));

        SyncOutcome outcome = awaitOutcome(t, eventId, "c1");
        assertThat(outcome.getResult()).isEqualTo(SyncResult.SKIPPED_BY_SETTINGS);
        // no QBO call was made: the realm comes from the tenant's connection
        assertThat(outcome.getRealmId()).isEqualTo(t.realm);
        assertThat(apps().entities(t.realm, "Customer")).isEmpty();
    }

    @Test
    void shouldBringTheCompanyOnItsFirstProjectExactlyOnceWhenFirstProjectOrTicketSent() {
        Tenant t = tenant(CompaniesToQbo.WHEN_FIRST_PROJECT_OR_TICKET_SENT);

        String created = publish(t, new CompanyCreated(company("c1", "Later Co")));
        SyncOutcome skipped = awaitOutcome(t, created, "c1");
        assertThat(skipped.getResult()).isEqualTo(SyncResult.SKIPPED_BY_SETTINGS);
        assertThat(skipped.getReason()).isEqualTo("waits for first project or ticket");
        assertThat(apps().entities(t.realm, "Customer")).isEmpty();

        String first = publish(t, new ProjectCreated(new Project("p1", "c1", "Kitchen", null)));
        String second = publish(t, new ProjectCreated(new Project("p2", "c1", "Bathroom", null)));

        assertThat(awaitOutcome(t, first, "c1").getResult()).isEqualTo(SyncResult.SYNCED);
        awaitOutcome(t, second, "p2");
        assertThat(apps().entities(t.realm, "Customer")).extracting(c -> c.path("DisplayName").asString())
                .containsExactly("Later Co");
    }

    @Test
    void shouldLinkAnExistingCustomerDifferingOnlyInCaseAndSpaces() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED);
        String existingId = apps().createInQbo(t.realm, "Customer", "{\"DisplayName\":\"  acme   BUILDERS \"}")
                .path("Id").asString();

        String eventId = publish(t, new CompanyCreated(company("c1", "Acme Builders")));

        SyncOutcome outcome = awaitOutcome(t, eventId, "c1");
        assertThat(outcome.getAction().name()).isEqualTo("LINK");
        assertThat(outcome.getQboId()).isEqualTo(existingId);
        assertThat(apps().entities(t.realm, "Customer")).hasSize(1);
    }

    @Test
    void shouldCreateASuffixedCustomerWhenAVendorHasTheNameUnderSuffix() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED, s -> s.setNameConflictPolicy(NameConflictPolicy.SUFFIX));
        apps().createInQbo(t.realm, "Vendor", "{\"DisplayName\":\"Bob's Plumbing\"}");

        String eventId = publish(t, new CompanyCreated(company("c1", "Bob's Plumbing")));

        assertThat(awaitOutcome(t, eventId, "c1").getResult()).isEqualTo(SyncResult.SYNCED);
        assertThat(apps().entities(t.realm, "Customer")).extracting(c -> c.path("DisplayName").asString())
                .containsExactly("Bob's Plumbing (customer)");
    }

    @Test
    void shouldSuffixAProjectWhoseNameAVendorAlreadyHasInQbo() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED, s -> s.setProjectsToQbo(ProjectsToQbo.WHEN_CREATED));
        apps().createInQbo(t.realm, "Vendor", "{\"DisplayName\":\"Roof Repair\"}");
        awaitOutcome(t, publish(t, new CompanyCreated(company("c1", "Gable Homes"))), "c1");

        String eventId = publish(t, new ProjectCreated(new Project("p1", "c1", "Roof Repair", null)));

        assertThat(awaitOutcome(t, eventId, "p1").getResult()).isEqualTo(SyncResult.SYNCED);
        assertThat(apps().entities(t.realm, "Customer")).extracting(c -> c.path("DisplayName").asString())
                .containsExactlyInAnyOrder("Gable Homes", "Roof Repair (customer)");
    }

    @Test
    void shouldRecordAConflictNamingTheVendorAndCreateNothingUnderHold() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED, s -> s.setNameConflictPolicy(NameConflictPolicy.HOLD));
        String vendorId = apps().createInQbo(t.realm, "Vendor", "{\"DisplayName\":\"Held Supplies\"}")
                .path("Id").asString();

        String eventId = publish(t, new CompanyCreated(company("c1", "Held Supplies")));

        SyncOutcome outcome = awaitOutcome(t, eventId, "c1");
        assertThat(outcome.getResult()).isEqualTo(SyncResult.CONFLICT);
        assertThat(outcome.getReason()).contains("Vendor").contains(vendorId).contains("Held Supplies");
        assertThat(apps().entities(t.realm, "Customer")).isEmpty();
    }

    @Test
    void shouldCreateOneCustomerWhenTheSameEventIsDeliveredTwice() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED);
        CenterpointEvent event = event(t, new CompanyCreated(company("c1", "Twice Inc")));

        send(t, event);
        send(t, event);
        String marker = publish(t, new CompanyCreated(company("c2", "Marker Inc")));

        awaitOutcome(t, marker, "c2");
        assertThat(apps().entities(t.realm, "Customer")).extracting(c -> c.path("DisplayName").asString())
                .containsExactlyInAnyOrder("Twice Inc", "Marker Inc");
    }

    @Test
    void shouldCreateOneCustomerWhenTheServiceCrashedBetweenTheQboCreateAndTheOffsetCommit() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED);
        CenterpointEvent event = event(t, new CompanyCreated(company("c1", "Crashy Corp")));
        // the state a crash leaves behind: QBO has the customer, created by our request with our requestid,
        // but there is no link and no offset commit
        String crashed = apps().createInQbo(t.realm, "Customer",
                "{\"DisplayName\":\"Crashy Corp\",\"CompanyName\":\"Crashy Corp\"}",
                RequestIds.forEvent(event.getEventId(), "company:c1")).path("Id").asString();

        send(t, event);

        SyncOutcome outcome = awaitOutcome(t, event.getEventId(), "c1");
        assertThat(outcome.getResult()).isEqualTo(SyncResult.SYNCED);
        assertThat(outcome.getQboId()).isEqualTo(crashed);
        assertThat(apps().entities(t.realm, "Customer")).hasSize(1);
        assertThat(apps().link(t.id, "COMPANY", "c1").path("qboId").asString()).isEqualTo(crashed);
    }

    @Test
    void shouldDeadLetterAMalformedRecordWithItsReasonAndProcessTheNextOne() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED);
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.CENTERPOINT_EVENTS, t.id,
                    "not avro".getBytes(StandardCharsets.UTF_8)));
        }
        String good = publish(t, new CompanyCreated(company("c1", "After Poison")));

        assertThat(awaitOutcome(t, good, "c1").getResult()).isEqualTo(SyncResult.SYNCED);
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(t.id);
        Header reason = dead.headers().lastHeader(KafkaConfig.DLT_REASON_HEADER);
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("Not an Avro single-object");
        assertThat(dead.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
    }

    // ---------------------------------------------------------------- issue 3: parents first, isolation, limits

    @Test
    void shouldLinkCustomerJobAndInvoiceWhenEventsArriveInReverseOrder() {
        Tenant t = tenant(CompaniesToQbo.WHEN_FIRST_PROJECT_OR_TICKET_SENT, s -> s
                .setServiceTicketsToQbo(ServiceTicketsToQbo.WHEN_INVOICED)
                .setServiceInvoicesToQbo(ServiceInvoicesToQbo.WHEN_CREATED));

        String invoiceEvent = publish(t, new ServiceInvoiceCreated(invoice("i1", "c1", "t1", "INV-1001")));
        publish(t, new ServiceTicketCreated(new ServiceTicket("t1", "c1", "T-77", "Leaky tap", MAIN_ST)));
        publish(t, new CompanyCreated(company("c1", "Reverse Ltd")));

        SyncOutcome invoiceOutcome = awaitOutcome(t, invoiceEvent, "i1");
        assertThat(invoiceOutcome.getResult()).isEqualTo(SyncResult.SYNCED);
        List<JsonNode> customers = apps().entities(t.realm, "Customer");
        assertThat(customers).hasSize(2);
        JsonNode customer = customers.stream().filter(c -> !c.path("Job").asBoolean()).findFirst().orElseThrow();
        JsonNode job = customers.stream().filter(c -> c.path("Job").asBoolean()).findFirst().orElseThrow();
        assertThat(job.path("ParentRef").path("value").asString()).isEqualTo(customer.path("Id").asString());
        List<JsonNode> invoices = apps().entities(t.realm, "Invoice");
        assertThat(invoices).hasSize(1);
        assertThat(invoices.get(0).path("CustomerRef").path("value").asString()).isEqualTo(job.path("Id").asString());
        assertThat(invoices.get(0).path("TotalAmt").decimalValue()).isEqualByComparingTo("380.00");
    }

    @Test
    void shouldKeepAHealthyTenantFlowingWhileAnotherTenantsRealmIsDown() {
        Tenant healthy = tenant(CompaniesToQbo.WHEN_CREATED);
        Tenant failing = tenant(CompaniesToQbo.WHEN_CREATED);
        apps().setFaults(failing.realm, "{\"outageSeconds\":8}");
        Instant outageEnds = Instant.now().plusSeconds(8);

        List<String> failingEvents = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            failingEvents.add(publish(failing, new CompanyCreated(company("f" + i, "Failing " + i))));
        }
        String healthyEvent = publish(healthy, new CompanyCreated(company("h1", "Healthy One")));

        awaitOutcome(healthy, healthyEvent, "h1");
        assertThat(Instant.now()).as("healthy tenant synced during the outage").isBefore(outageEnds);

        List<SyncOutcome> failingOutcomes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            failingOutcomes.add(awaitOutcome(failing, failingEvents.get(i), "f" + (i + 1)));
        }
        assertThat(failingOutcomes).allMatch(o -> o.getResult() == SyncResult.SYNCED);
        assertThat(failingOutcomes).extracting(SyncOutcome::getOccurredAt).isSorted();
        assertThat(apps().entities(failing.realm, "Customer")).extracting(c -> c.path("DisplayName").asString())
                .containsExactlyInAnyOrder("Failing 1", "Failing 2", "Failing 3");
    }

    @Test
    void shouldStayUnderTheRealmLimitDuringABurst() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED);
        // QBO's side one above ours: client and server windows never line up exactly (network jitter)
        apps().setFaults(t.realm, "{\"requestsPerSecond\":5}");

        List<String> events = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            events.add(publish(t, new CompanyCreated(company("b" + i, "Burst " + i))));
        }

        for (int i = 0; i < events.size(); i++) {
            assertThat(awaitOutcome(t, events.get(i), "b" + (i + 1)).getResult()).isEqualTo(SyncResult.SYNCED);
        }
        assertThat(apps().entities(t.realm, "Customer")).hasSize(10);
        assertThat(apps().stats(t.realm).path("byStatus").path("429").asInt(0)).isZero();
    }

    @Test
    void shouldHoldADisconnectedTenantsEventsAndSyncThemAfterItConnects() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED, s -> { }, false);

        String eventId = publish(t, new CompanyCreated(company("c1", "Patient Ltd")));
        await().atMost(WAIT).until(() -> "DISCONNECTED".equals(queues.parkedTenants().get(t.id)));
        apps().connect(t.id, t.realm);

        assertThat(awaitOutcome(t, eventId, "c1").getResult()).isEqualTo(SyncResult.SYNCED);
        assertThat(apps().entities(t.realm, "Customer")).hasSize(1);
    }

    @Test
    void shouldSuppressTheEchoOfACustomerCreatedInQboLinkItsCompanyAndLaterUpdateThatCustomer() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED);
        // a customer created in QBO: qbo-inbound-service asks Centerpoint for a new company
        String customerId = apps().createInQbo(t.realm, "Customer", "{\"DisplayName\":\"From Qbo Ltd\"}")
                .path("Id").asString();
        String commandId = UUID.randomUUID().toString();
        producer().send(new ProducerRecord<>(Topics.CENTERPOINT_COMMANDS, t.id, CenterpointCommand.newBuilder()
                .setCommandId(commandId).setTenantId(t.id).setRealmId(t.realm).setOccurredAt(Instant.now())
                .setPayload(new UpsertCompany(null, customerId, "From Qbo Ltd", null, null, null)).build()));
        producer().flush();
        // Centerpoint assigns the company id c1; the echo is the only place that id meets the customer
        CenterpointEvent echo = CenterpointEvent.newBuilder().setEventId(UUID.randomUUID().toString())
                .setTenantId(t.id).setOccurredAt(Instant.now()).setCausationId(commandId)
                .setPayload(new CompanyCreated(new Company("c1", "From Qbo Ltd", null, null, null))).build();

        // Centerpoint applies a command after it was published; its echo comes later still
        await().atMost(WAIT).until(() -> ownCommands.isOwnCommand(t.id, commandId));

        send(t, echo);

        SyncOutcome outcome = awaitOutcome(t, echo.getEventId(), "c1");
        assertThat(outcome.getResult()).isEqualTo(SyncResult.ECHO_SUPPRESSED);
        assertThat(outcome.getReason()).contains(commandId, "link c1 -> QBO customer " + customerId + " recorded");
        assertThat(outcome.getQboId()).isEqualTo(customerId);
        assertThat(apps().link(t.id, "COMPANY", "c1").path("qboId").asString()).isEqualTo(customerId);

        // a later Centerpoint edit of that company updates the QBO customer instead of matching or creating
        SyncOutcome update = awaitOutcome(t, publish(t, new CompanyUpdated(company("c1", "From Qbo Ltd"))), "c1");

        assertThat(update.getResult()).isEqualTo(SyncResult.SYNCED);
        assertThat(update.getAction().name()).isEqualTo("UPDATE");
        assertThat(update.getQboId()).isEqualTo(customerId);
        assertThat(apps().entities(t.realm, "Customer")).singleElement().satisfies(customer -> {
            assertThat(customer.path("Id").asString()).isEqualTo(customerId);
            assertThat(customer.path("PrimaryEmailAddr").path("Address").asString()).isEqualTo("ap@c1.example");
            assertThat(customer.path("SyncToken").asString()).isEqualTo("1");
        });
    }

    @Test
    void shouldWriteSingleLineAndMultiLineInvoicesWithTheirLinesAndTotals() {
        Tenant single = tenant(CompaniesToQbo.WHEN_CREATED, s -> s
                .setServiceInvoicesToQbo(ServiceInvoicesToQbo.WHEN_CREATED)
                .setInvoiceLineMode(InvoiceLineMode.SINGLE_LINE));
        Tenant multi = tenant(CompaniesToQbo.WHEN_CREATED, s -> s
                .setServiceInvoicesToQbo(ServiceInvoicesToQbo.WHEN_CREATED)
                .setInvoiceLineMode(InvoiceLineMode.MULTI_LINE));
        Map<Tenant, String> items = new HashMap<>();
        for (Tenant t : List.of(single, multi)) {
            // the tenant's chosen item, not the realm's default item "1"
            String itemId = apps().createInQbo(t.realm, "Item", "{\"Name\":\"Site work\",\"Type\":\"Service\"}")
                    .path("Id").asString();
            items.put(t, itemId);
            chooseInvoiceItem(t, itemId);
            publish(t, new CompanyCreated(company("c1", "Lined Co")));
            String created = publish(t, new ServiceInvoiceCreated(twoLineInvoice("INV-2001")));
            assertThat(awaitOutcome(t, created, "i1").getResult()).isEqualTo(SyncResult.SYNCED);
        }

        JsonNode one = onlyInvoice(single);
        assertThat(one.path("DocNumber").asString()).isEqualTo("INV-2001");
        assertThat(one.path("TotalAmt").decimalValue()).isEqualByComparingTo("479.99");
        assertThat(salesLines(one)).singleElement().satisfies(line -> {
            assertThat(line.path("Amount").decimalValue()).isEqualByComparingTo("479.99");
            assertThat(line.path("Description").asString()).contains("INV-2001");
            assertThat(line.path("SalesItemLineDetail").path("ItemRef").path("value").asString())
                    .isEqualTo(items.get(single));
        });

        JsonNode many = onlyInvoice(multi);
        assertThat(many.path("TotalAmt").decimalValue()).isEqualByComparingTo("479.99");
        List<JsonNode> lines = salesLines(many);
        assertThat(lines).hasSize(2);
        assertLine(lines.get(0), "4h site work", "4", "95.00", "380.00", items.get(multi));
        assertLine(lines.get(1), "parts", "3", "33.33", "99.99", items.get(multi));
    }

    @Test
    void shouldSendAnInvoiceAmountChangeOnlyWhenSendChangesIsOn() {
        Tenant sends = tenant(CompaniesToQbo.WHEN_CREATED, s -> s
                .setServiceInvoicesToQbo(ServiceInvoicesToQbo.WHEN_CREATED).setSendServiceInvoiceChanges(true)
                .setInvoiceLineMode(InvoiceLineMode.MULTI_LINE));
        Tenant keeps = tenant(CompaniesToQbo.WHEN_CREATED, s -> s
                .setServiceInvoicesToQbo(ServiceInvoicesToQbo.WHEN_CREATED).setSendServiceInvoiceChanges(false)
                .setInvoiceLineMode(InvoiceLineMode.MULTI_LINE));
        for (Tenant t : List.of(sends, keeps)) {
            publish(t, new CompanyCreated(company("c1", "Invoiced Co")));
            String created = publish(t, new ServiceInvoiceCreated(invoice("i1", "c1", "t9", "INV-1")));
            assertThat(awaitOutcome(t, created, "i1").getResult()).isEqualTo(SyncResult.SYNCED);
            assertThat(onlyInvoice(t).path("TotalAmt").decimalValue()).isEqualByComparingTo("380.00");
        }

        Map<Tenant, SyncOutcome> updates = new HashMap<>();
        for (Tenant t : List.of(sends, keeps)) {
            updates.put(t, awaitOutcome(t, publish(t, new ServiceInvoiceUpdated(twoLineInvoice("INV-1"))), "i1"));
        }

        assertThat(updates.get(sends).getResult()).isEqualTo(SyncResult.SYNCED);
        assertThat(updates.get(sends).getAction().name()).isEqualTo("UPDATE");
        JsonNode updated = onlyInvoice(sends);
        assertThat(updated.path("TotalAmt").decimalValue()).isEqualByComparingTo("479.99");
        assertThat(salesLines(updated)).hasSize(2);
        assertThat(updates.get(keeps).getResult()).isEqualTo(SyncResult.SKIPPED_BY_SETTINGS);
        JsonNode kept = onlyInvoice(keeps);
        assertThat(kept.path("TotalAmt").decimalValue()).isEqualByComparingTo("380.00");
        assertThat(kept.path("SyncToken").asString()).isEqualTo("0");
    }

    @Test
    void shouldShortenAnInvoiceNumberLongerThanQboAllowsInsteadOfFailing() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED,
                s -> s.setServiceInvoicesToQbo(ServiceInvoicesToQbo.WHEN_CREATED));
        String number = "CP-2026-SERVICE-INVOICE-000123";

        publish(t, new CompanyCreated(company("c1", "Long Numbers Ltd")));
        String created = publish(t, new ServiceInvoiceCreated(invoice("i1", "c1", "t9", number)));

        assertThat(awaitOutcome(t, created, "i1").getResult()).isEqualTo(SyncResult.SYNCED);
        String docNumber = onlyInvoice(t).path("DocNumber").asString();
        assertThat(docNumber).hasSizeLessThanOrEqualTo(21).endsWith("INVOICE-000123".substring(2));
    }

    @Test
    void shouldReportADuplicateDocNumberAsFailedWithQbosCodeAndNeverRetryIt() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED,
                s -> s.setServiceInvoicesToQbo(ServiceInvoicesToQbo.WHEN_CREATED));
        String otherCustomer = apps().createInQbo(t.realm, "Customer", "{\"DisplayName\":\"Walk-in\"}")
                .path("Id").asString();
        apps().createInQbo(t.realm, "Invoice", "{\"CustomerRef\":{\"value\":\"" + otherCustomer + "\"},"
                + "\"DocNumber\":\"INV-7\",\"Line\":[{\"Amount\":10,\"DetailType\":\"SalesItemLineDetail\","
                + "\"SalesItemLineDetail\":{\"ItemRef\":{\"value\":\"1\"},\"Qty\":1,\"UnitPrice\":10}}]}");

        publish(t, new CompanyCreated(company("c1", "Dup Numbers Ltd")));
        String duplicate = publish(t, new ServiceInvoiceCreated(invoice("i1", "c1", "t9", "INV-7")));
        String next = publish(t, new CompanyCreated(company("c2", "Still Flowing Ltd")));

        SyncOutcome failed = awaitOutcome(t, duplicate, "i1");
        assertThat(failed.getResult()).isEqualTo(SyncResult.FAILED);
        assertThat(failed.getQboErrorCode()).isEqualTo("6140");
        assertThat(failed.getReason()).contains("Duplicate Document Number");
        assertThat(awaitOutcome(t, next, "c2").getResult()).isEqualTo(SyncResult.SYNCED);
        // a permanent fault is not retried: QBO refused exactly one request, and the tenant was never parked
        assertThat(apps().stats(t.realm).path("byStatus").path("400").asInt(0)).isEqualTo(1);
        assertThat(apps().entities(t.realm, "Invoice")).hasSize(1);
        assertThat(OUTCOMES).filteredOn(o -> o.getTenantId().equals(t.id) && "i1".equals(o.getCenterpointId()))
                .hasSize(1);
    }

    @Test
    void shouldRefreshTheTokenOnceThroughMappingServiceAfterA401AndThenSucceed() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED);
        assertThat(awaitOutcome(t, publish(t, new CompanyCreated(company("c1", "Token One"))), "c1").getResult())
                .isEqualTo(SyncResult.SYNCED);
        // QBO stops honouring the access token the service holds (as when it expires early or is revoked)
        apps().revokeAccessToken(apps().currentAccessToken(t.id));

        String eventId = publish(t, new CompanyCreated(company("c2", "Token Two")));

        assertThat(awaitOutcome(t, eventId, "c2").getResult()).isEqualTo(SyncResult.SYNCED);
        assertThat(apps().stats(t.realm).path("byStatus").path("401").asInt(0)).isEqualTo(1);
        assertThat(apps().entities(t.realm, "Customer")).hasSize(2);
    }

    @Test
    void shouldReReadAndRetryWhenQboSaysTheSyncTokenIsStale() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED);
        String qboId = awaitOutcome(t, publish(t, new CompanyCreated(company("c1", "Stale Co"))), "c1").getQboId();
        // a bookkeeper edits the customer in QBO: the SyncToken of our last write is now stale
        apps().createInQbo(t.realm, "Customer", "{\"Id\":\"" + qboId + "\",\"SyncToken\":\"0\",\"sparse\":true,"
                + "\"Notes\":\"edited in QBO\"}");
        Company changed = new Company("c1", "Stale Co", "billing@c1.example", "555-0100", MAIN_ST);

        SyncOutcome outcome = awaitOutcome(t, publish(t, new CompanyUpdated(changed)), "c1");

        assertThat(outcome.getResult()).isEqualTo(SyncResult.SYNCED);
        assertThat(outcome.getAction().name()).isEqualTo("UPDATE");
        JsonNode customer = apps().entities(t.realm, "Customer").get(0);
        assertThat(customer.path("PrimaryEmailAddr").path("Address").asString()).isEqualTo("billing@c1.example");
        assertThat(customer.path("Notes").asString()).isEqualTo("edited in QBO");
        assertThat(customer.path("SyncToken").asString()).isEqualTo("2");
        assertThat(apps().stats(t.realm).path("byStatus").path("400").asInt(0)).as("one stale attempt").isEqualTo(1);
    }

    @Test
    void shouldReportReadinessOutcomesAndConsumerLagForOperators() throws Exception {
        Tenant t = tenant(CompaniesToQbo.NEVER);
        awaitOutcome(t, publish(t, new CompanyCreated(company("c1", "Metered Ltd"))), "c1");
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("outboundSync").contains("UP");

        await().atMost(WAIT).untilAsserted(() -> {
            String metrics = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("sync_outcomes_total{direction=\"TO_QBO\",entity=\"COMPANY\","
                    + "result=\"SKIPPED_BY_SETTINGS\"")
                    .contains("kafka_consumer_fetch_manager_records_lag")
                    .contains("outbound_parked_tenants");
        });
    }

    // ---------------------------------------------------------------- issue 3: every setting value

    /** One row: settings over the baseline (companies WHEN_CREATED, the rest off) and what must exist after the script. */
    private record SettingsCase(String name, CompaniesToQbo companies, SettingsCustomizer settings, int customers,
            String projectJob, String ticketJob, int invoices, String invoiceBills, Map<String, SyncResult> firstResults) {

        @Override
        public String toString() {
            return name;
        }
    }

    static List<SettingsCase> everySettingValue() {
        SettingsCustomizer none = s -> { };
        return List.of(
                new SettingsCase("companies NEVER", CompaniesToQbo.NEVER, none, 0, null, null, 0, null,
                        Map.of("c1", SyncResult.SKIPPED_BY_SETTINGS)),
                new SettingsCase("companies WHEN_CREATED, projects NO, tickets NO, invoices NEVER",
                        CompaniesToQbo.WHEN_CREATED, none, 1, null, null, 0, null,
                        Map.of("c1", SyncResult.SYNCED, "p1", SyncResult.SKIPPED_BY_SETTINGS,
                                "t1", SyncResult.SKIPPED_BY_SETTINGS, "i1", SyncResult.SKIPPED_BY_SETTINGS)),
                new SettingsCase("companies WHEN_FIRST_PROJECT_OR_TICKET_SENT",
                        CompaniesToQbo.WHEN_FIRST_PROJECT_OR_TICKET_SENT, none, 1, null, null, 0, null,
                        Map.of("c1", SyncResult.SKIPPED_BY_SETTINGS)),
                new SettingsCase("projects WHEN_CREATED, no changes", CompaniesToQbo.WHEN_CREATED,
                        s -> s.setProjectsToQbo(ProjectsToQbo.WHEN_CREATED), 1, "Kitchen", null, 0, null,
                        Map.of("p1", SyncResult.SYNCED)),
                new SettingsCase("projects WHEN_CREATED, send changes", CompaniesToQbo.WHEN_CREATED,
                        s -> s.setProjectsToQbo(ProjectsToQbo.WHEN_CREATED).setSendProjectChanges(true), 1,
                        "Kitchen v2", null, 0, null, Map.of("p1", SyncResult.SYNCED)),
                new SettingsCase("projects WHEN_INVOICED", CompaniesToQbo.WHEN_CREATED,
                        s -> s.setProjectsToQbo(ProjectsToQbo.WHEN_INVOICED), 1, "Kitchen", null, 0, null,
                        Map.of("p1", SyncResult.SKIPPED_BY_SETTINGS)),
                new SettingsCase("tickets WHEN_INVOICED, no changes", CompaniesToQbo.WHEN_CREATED,
                        s -> s.setServiceTicketsToQbo(ServiceTicketsToQbo.WHEN_INVOICED), 1, null,
                        "Ticket T-1 - Leaky tap", 0, null, Map.of("t1", SyncResult.SKIPPED_BY_SETTINGS)),
                new SettingsCase("tickets WHEN_INVOICED, send changes", CompaniesToQbo.WHEN_CREATED,
                        s -> s.setServiceTicketsToQbo(ServiceTicketsToQbo.WHEN_INVOICED)
                                .setSendServiceTicketChanges(true), 1, null, "Ticket T-1 - Tap replaced", 0, null,
                        Map.of("t1", SyncResult.SKIPPED_BY_SETTINGS)),
                new SettingsCase("tickets WHEN_INVOICE_SENT", CompaniesToQbo.WHEN_CREATED,
                        s -> s.setServiceTicketsToQbo(ServiceTicketsToQbo.WHEN_INVOICE_SENT), 1, null,
                        "Ticket T-1 - Leaky tap", 0, null, Map.of("t1", SyncResult.SKIPPED_BY_SETTINGS)),
                new SettingsCase("invoices WHEN_CREATED billing the company", CompaniesToQbo.WHEN_CREATED,
                        s -> s.setServiceInvoicesToQbo(ServiceInvoicesToQbo.WHEN_CREATED), 1, null, null, 1,
                        "customer", Map.of("i1", SyncResult.SYNCED)),
                new SettingsCase("invoices WHEN_SENT", CompaniesToQbo.WHEN_CREATED,
                        s -> s.setServiceInvoicesToQbo(ServiceInvoicesToQbo.WHEN_SENT), 1, null, null, 1, "customer",
                        Map.of("i1", SyncResult.SKIPPED_BY_SETTINGS)),
                new SettingsCase("invoices WHEN_CREATED billing the ticket's job", CompaniesToQbo.WHEN_CREATED,
                        s -> s.setServiceInvoicesToQbo(ServiceInvoicesToQbo.WHEN_CREATED)
                                .setServiceTicketsToQbo(ServiceTicketsToQbo.WHEN_INVOICED), 1, null,
                        "Ticket T-1 - Leaky tap", 1, "ticket", Map.of("i1", SyncResult.SYNCED)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everySettingValue")
    void shouldWriteWhatEachSettingValueAsksFor(SettingsCase row) {
        Tenant t = tenant(row.companies(), row.settings());
        ServiceInvoice invoice = invoice("i1", "c1", "t1", "INV-1");
        List<String> script = List.of(
                publish(t, new CompanyCreated(company("c1", "Table Co"))),
                publish(t, new ProjectCreated(new Project("p1", "c1", "Kitchen", null))),
                publish(t, new ServiceTicketCreated(new ServiceTicket("t1", "c1", "T-1", "Leaky tap", null))),
                publish(t, new ServiceInvoiceCreated(invoice)),
                publish(t, new ServiceInvoiceSent(invoice)),
                publish(t, new ProjectInvoiced(new Project("p1", "c1", "Kitchen", null))),
                publish(t, new ProjectUpdated(new Project("p1", "c1", "Kitchen v2", null))),
                publish(t, new ServiceTicketUpdated(new ServiceTicket("t1", "c1", "T-1", "Tap replaced", null))));

        awaitOutcome(t, script.get(script.size() - 1), "t1");

        List<JsonNode> customers = apps().entities(t.realm, "Customer");
        List<JsonNode> topLevel = customers.stream().filter(c -> !c.path("Job").asBoolean()).toList();
        assertThat(topLevel).hasSize(row.customers());
        assertThat(jobName(customers, false)).isEqualTo(row.projectJob());
        assertThat(jobName(customers, true)).isEqualTo(row.ticketJob());
        List<JsonNode> invoices = apps().entities(t.realm, "Invoice");
        assertThat(invoices).hasSize(row.invoices());
        if (row.invoiceBills() != null) {
            JsonNode billed = customers.stream().filter(c -> c.path("Id").asString()
                    .equals(invoices.get(0).path("CustomerRef").path("value").asString())).findFirst().orElseThrow();
            assertThat(billed.path("Job").asBoolean()).isEqualTo(row.invoiceBills().equals("ticket"));
        }
        row.firstResults().forEach((id, result) -> assertThat(OUTCOMES.stream()
                .filter(o -> o.getTenantId().equals(t.id) && id.equals(o.getCenterpointId())).findFirst()
                .orElseThrow().getResult()).as("first outcome of %s", id).isEqualTo(result));
    }

    private static String jobName(List<JsonNode> customers, boolean ticket) {
        return customers.stream().filter(c -> c.path("Job").asBoolean())
                .map(c -> c.path("DisplayName").asString())
                .filter(name -> name.startsWith("Ticket ") == ticket).findFirst().orElse(null);
    }

    // ---------------------------------------------------------------- helpers

    private record Tenant(String id, String realm) {
    }

    private interface SettingsCustomizer {
        void customize(SyncSettings.Builder settings);
    }

    private Tenant tenant(CompaniesToQbo companies) {
        return tenant(companies, s -> { });
    }

    private Tenant tenant(CompaniesToQbo companies, SettingsCustomizer customizer) {
        return tenant(companies, customizer, true);
    }

    private Tenant tenant(CompaniesToQbo companies, SettingsCustomizer customizer, boolean connected) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Tenant tenant = new Tenant("tenant-" + suffix, "realm-" + suffix);
        if (connected) {
            apps().connect(tenant.id, tenant.realm);
        }
        SyncSettings.Builder settings = SyncSettings.newBuilder().setTenantId(tenant.id).setUpdatedAt(Instant.now())
                .setCompaniesToQbo(companies).setProjectsToQbo(ProjectsToQbo.NO);
        customizer.customize(settings);
        publishSettings(tenant, settings.build());
        return tenant;
    }

    private void publishSettings(Tenant tenant, SyncSettings published) {
        SETTINGS.put(tenant.id, published);
        producer().send(new ProducerRecord<>(Topics.CENTERPOINT_SYNC_SETTINGS, tenant.id, published));
        producer().flush();
        // settings and events are separate topics: a user changes settings before the events they govern
        await().atMost(WAIT).until(() -> settingsMemory.forTenant(tenant.id)
                .equals(SyncSettingsAvroMapper.toDomain(published)));
    }

    private static Company company(String id, String name) {
        return new Company(id, name, "ap@" + id + ".example", "555-0100", MAIN_ST);
    }

    private static ServiceInvoice invoice(String id, String companyId, String ticketId, String number) {
        return new ServiceInvoice(id, companyId, ticketId, number, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 20),
                List.of(new InvoiceLine("4h site work", "4", "95.00", "380.00")), "380.00");
    }

    /** Two lines whose amounts are Qty × UnitPrice to the cent; total 479.99. */
    private static ServiceInvoice twoLineInvoice(String number) {
        return new ServiceInvoice("i1", "c1", "t9", number, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 20),
                List.of(new InvoiceLine("4h site work", "4", "95.00", "380.00"),
                        new InvoiceLine("parts", "3", "33.33", "99.99")), "479.99");
    }

    private void chooseInvoiceItem(Tenant t, String itemId) {
        publishSettings(t, SyncSettings.newBuilder(SETTINGS.get(t.id)).setInvoiceItemId(itemId)
                .setUpdatedAt(Instant.now()).build());
    }

    private JsonNode onlyInvoice(Tenant t) {
        List<JsonNode> invoices = apps().entities(t.realm, "Invoice");
        assertThat(invoices).hasSize(1);
        return invoices.get(0);
    }

    private static List<JsonNode> salesLines(JsonNode invoice) {
        List<JsonNode> lines = new ArrayList<>();
        invoice.path("Line").forEach(line -> {
            if ("SalesItemLineDetail".equals(line.path("DetailType").asString())) {
                lines.add(line);
            }
        });
        return lines;
    }

    private static void assertLine(JsonNode line, String description, String qty, String unitPrice, String amount,
            String itemId) {
        JsonNode detail = line.path("SalesItemLineDetail");
        assertThat(line.path("Description").asString()).isEqualTo(description);
        assertThat(detail.path("Qty").decimalValue()).isEqualByComparingTo(qty);
        assertThat(detail.path("UnitPrice").decimalValue()).isEqualByComparingTo(unitPrice);
        assertThat(line.path("Amount").decimalValue()).isEqualByComparingTo(amount);
        assertThat(detail.path("ItemRef").path("value").asString()).isEqualTo(itemId);
    }

    private CenterpointEvent event(Tenant t, Object payload) {
        return CenterpointEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setTenantId(t.id)
                .setOccurredAt(Instant.now()).setCausationId(null).setPayload(payload).build();
    }

    private String publish(Tenant t, Object payload) {
        CenterpointEvent event = event(t, payload);
        send(t, event);
        return event.getEventId();
    }

    private void send(Tenant t, CenterpointEvent event) {
        producer().send(new ProducerRecord<>(Topics.CENTERPOINT_EVENTS, t.id, event));
        producer().flush();
    }

    private SyncOutcome awaitOutcome(Tenant t, String causationId, String centerpointId) {
        SyncOutcome[] found = new SyncOutcome[1];
        await().atMost(WAIT).untilAsserted(() -> {
            pollOutcomes();
            found[0] = OUTCOMES.stream().filter(o -> o.getTenantId().equals(t.id)
                    && o.getCausationId().equals(causationId) && centerpointId.equals(o.getCenterpointId()))
                    .findFirst().orElse(null);
            assertThat(found[0]).as("outcome of %s for %s", causationId, centerpointId).isNotNull();
        });
        return found[0];
    }

    private synchronized void pollOutcomes() {
        if (outcomeConsumer == null) {
            outcomeConsumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                    new StringDeserializer(), new AvroDeserializer());
            List<TopicPartition> partitions = outcomeConsumer.partitionsFor(Topics.SYNC_OUTCOMES).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            outcomeConsumer.assign(partitions);
            outcomeConsumer.seekToBeginning(partitions);
        }
        outcomeConsumer.poll(Duration.ofMillis(300)).forEach(r -> OUTCOMES.add((SyncOutcome) r.value()));
    }

    private ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.dlt(Topics.CENTERPOINT_EVENTS)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(WAIT).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(seen::add);
                assertThat(seen).anyMatch(r -> key.equals(r.key()));
            });
            return seen.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        }
    }

    private KafkaProducer<String, SpecificRecord> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                    new StringSerializer(), new AvroSerializer());
        }
        return producer;
    }

    private static ExternalApps apps() {
        return ExternalApps.get();
    }
}
