package com.cpsync.schemas.serde;

import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import com.cpsync.schemas.Topics;
import com.cpsync.schemas.avro.CompanyCreated;
import com.cpsync.schemas.avro.CompanyUpdated;
import com.cpsync.schemas.avro.DeleteInvoicePayment;
import com.cpsync.schemas.avro.DeleteProjectInvoice;
import com.cpsync.schemas.avro.ProjectCreated;
import com.cpsync.schemas.avro.ProjectInvoiced;
import com.cpsync.schemas.avro.ProjectUpdated;
import com.cpsync.schemas.avro.ServiceInvoiceCreated;
import com.cpsync.schemas.avro.ServiceInvoiceSent;
import com.cpsync.schemas.avro.ServiceInvoiceUpdated;
import com.cpsync.schemas.avro.ServiceTicketCreated;
import com.cpsync.schemas.avro.ServiceTicketUpdated;
import com.cpsync.schemas.avro.SyncSettings;
import com.cpsync.schemas.avro.UpsertCompany;
import com.cpsync.schemas.avro.UpsertInvoicePayment;
import com.cpsync.schemas.avro.UpsertProjectInvoice;

import static com.cpsync.schemas.fixtures.AvroFixtures.aCommand;
import static com.cpsync.schemas.fixtures.AvroFixtures.aCompany;
import static com.cpsync.schemas.fixtures.AvroFixtures.aConflictResolution;
import static com.cpsync.schemas.fixtures.AvroFixtures.aTenantStatus;
import static com.cpsync.schemas.fixtures.AvroFixtures.aPaymentApplication;
import static com.cpsync.schemas.fixtures.AvroFixtures.aProject;
import static com.cpsync.schemas.fixtures.AvroFixtures.aQboEntityChange;
import static com.cpsync.schemas.fixtures.AvroFixtures.aServiceInvoice;
import static com.cpsync.schemas.fixtures.AvroFixtures.aServiceTicket;
import static com.cpsync.schemas.fixtures.AvroFixtures.aSyncOutcome;
import static com.cpsync.schemas.fixtures.AvroFixtures.anAddress;
import static com.cpsync.schemas.fixtures.AvroFixtures.anEvent;
import static com.cpsync.schemas.fixtures.AvroFixtures.anInvoiceLine;
import static com.cpsync.schemas.fixtures.AvroFixtures.defaultSettings;
import static org.assertj.core.api.Assertions.assertThat;

class AvroSerdeRoundTripTest {

    private final AvroSerializer serializer = new AvroSerializer();
    private final AvroDeserializer deserializer = new AvroDeserializer();

    static Stream<SpecificRecord> everyRecordAndPayloadBranch() {
        return Stream.of(
                anEvent(new CompanyCreated(aCompany())),
                anEvent(new CompanyUpdated(aCompany())),
                anEvent(new ProjectCreated(aProject())),
                anEvent(new ProjectUpdated(aProject())),
                anEvent(new ProjectInvoiced(aProject())),
                anEvent(new ServiceTicketCreated(aServiceTicket())),
                anEvent(new ServiceTicketUpdated(aServiceTicket())),
                anEvent(new ServiceInvoiceCreated(aServiceInvoice())),
                anEvent(new ServiceInvoiceUpdated(aServiceInvoice())),
                anEvent(new ServiceInvoiceSent(aServiceInvoice())),
                defaultSettings(),
                aCommand(new UpsertCompany(null, "58", "Acme Renovations", "ap@acme.example", null, anAddress())),
                aCommand(UpsertProjectInvoice.newBuilder().setProjectId("pr-7").setQboInvoiceId("129")
                        .setDocNumber("1001").setTxnDate(java.time.LocalDate.of(2026, 11, 1)).setDueDate(null)
                        .setLines(List.of(anInvoiceLine())).setTotal("380.00").setBalance("280.00")
                        .setVoided(false).build()),
                aCommand(new DeleteProjectInvoice("pr-7", "129")),
                aCommand(UpsertInvoicePayment.newBuilder().setQboPaymentId("125")
                        .setTxnDate(java.time.LocalDate.of(2026, 11, 20)).setTotalAmount("100.00")
                        .setPaymentRefNum("CHK-77").setApplications(List.of(aPaymentApplication()))
                        .setVoided(false).build()),
                aCommand(new DeleteInvoicePayment("125")),
                aQboEntityChange(),
                aSyncOutcome(),
                aConflictResolution(),
                aTenantStatus());
    }

    @ParameterizedTest
    @MethodSource("everyRecordAndPayloadBranch")
    void shouldReadBackEveryRecordEqualToWhatWasWritten(SpecificRecord record) {
        byte[] bytes = serializer.serialize(Topics.CENTERPOINT_EVENTS, record);

        SpecificRecord read = deserializer.deserialize(Topics.CENTERPOINT_EVENTS, bytes);

        assertThat(read).isInstanceOf(record.getClass()).isEqualTo(record);
    }

    @ParameterizedTest
    @MethodSource("everyRecordAndPayloadBranch")
    void shouldWriteSingleObjectEncodingHeader(SpecificRecord record) {
        byte[] bytes = serializer.serialize(Topics.SYNC_OUTCOMES, record);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(bytes.length).isGreaterThan(10);
    }

    @Test
    void shouldApplyDocumentedSettingsDefaults() {
        SyncSettings settings = defaultSettings();

        assertThat(settings.getCompaniesToQbo().name()).isEqualTo("NEVER");
        assertThat(settings.getNameConflictPolicy().name()).isEqualTo("HOLD");
        assertThat(settings.getNameConflictSuffix()).isEqualTo(" (customer)");
        assertThat(settings.getInvoiceItemId()).isNull();
        assertThat(settings.getGetNewPayments()).isFalse();
    }

    @Test
    void shouldTurnTombstonesIntoNullBothWays() {
        assertThat(serializer.serialize(Topics.CENTERPOINT_SYNC_SETTINGS, null)).isNull();
        assertThat(deserializer.deserialize(Topics.CENTERPOINT_SYNC_SETTINGS, null)).isNull();
    }

    @Test
    void shouldNameDeadLetterTopics() {
        assertThat(Topics.dlt(Topics.CENTERPOINT_EVENTS)).isEqualTo("centerpoint.events.v1.DLT");
    }
}
