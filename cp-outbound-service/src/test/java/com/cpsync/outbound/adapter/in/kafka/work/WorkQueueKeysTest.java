package com.cpsync.outbound.adapter.in.kafka.work;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.cpsync.outbound.domain.centerpoint.Company;
import com.cpsync.outbound.domain.centerpoint.Project;
import com.cpsync.outbound.domain.centerpoint.ServiceInvoice;
import com.cpsync.outbound.domain.centerpoint.ServiceTicket;
import com.cpsync.outbound.domain.events.EventPayload;
import com.cpsync.outbound.domain.events.OutboundEvent;

import static org.assertj.core.api.Assertions.assertThat;

class WorkQueueKeysTest {

    @Test
    void shouldQueueEveryRecordOfACompanyInThatCompanysLane() {
        List<EventPayload> acmesRecords = List.of(
                new EventPayload.CompanyChanged(EventPayload.CompanyChanged.Kind.CREATED,
                        new Company("acme", "Acme", null, null, null)),
                new EventPayload.ProjectChanged(EventPayload.ProjectChanged.Kind.CREATED,
                        new Project("p1", "acme", "Kitchen", null)),
                new EventPayload.TicketChanged(EventPayload.TicketChanged.Kind.CREATED,
                        new ServiceTicket("t1", "acme", "ST-1", "Leak", null)),
                new EventPayload.InvoiceChanged(EventPayload.InvoiceChanged.Kind.CREATED,
                        new ServiceInvoice("i1", "acme", "t1", "SI-1", LocalDate.of(2026, 11, 30), null, List.of(),
                                BigDecimal.TEN)));

        List<WorkQueueKey> keys = acmesRecords.stream().map(WorkQueueKeysTest::item)
                .map(WorkQueueKeys.byTenantAndCompany()).toList();

        assertThat(keys).extracting(WorkQueueKey::tenant).containsOnly("tenant-1");
        assertThat(keys).extracting(WorkQueueKey::lane).containsOnly("acme");
        assertThat(keys).extracting(WorkQueueKey::entity)
                .containsExactly("COMPANY:acme", "PROJECT:p1", "SERVICE_TICKET:t1", "SERVICE_INVOICE:i1");
    }

    @Test
    void shouldQueueEveryTenantOfAPartitionInOneLineWhenFairnessIsOff() {
        WorkItem item = item(new EventPayload.CompanyChanged(EventPayload.CompanyChanged.Kind.CREATED,
                new Company("acme", "Acme", null, null, null)));

        assertThat(WorkQueueKeys.byPartition().apply(item)).isEqualTo(WorkQueueKey.single("partition-2"));
    }

    @Test
    void shouldGiveRecordsThatCouldClaimOneQboNameOneExclusiveKey() {
        WorkQueueKey acme = WorkQueueKeys.byTenantAndCompany().apply(item(new EventPayload.CompanyChanged(
                EventPayload.CompanyChanged.Kind.CREATED, new Company("c1", "Acme  Roofing", null, null, null))));
        WorkQueueKey sameName = WorkQueueKeys.byTenantAndCompany().apply(item(new EventPayload.CompanyChanged(
                EventPayload.CompanyChanged.Kind.CREATED, new Company("c2", "acme roofing", null, null, null))));
        WorkQueueKey job = WorkQueueKeys.byTenantAndCompany().apply(item(new EventPayload.ProjectChanged(
                EventPayload.ProjectChanged.Kind.CREATED, new Project("p1", "c3", "Acme Roofing", null))));
        WorkQueueKey invoice = WorkQueueKeys.byTenantAndCompany().apply(item(new EventPayload.InvoiceChanged(
                EventPayload.InvoiceChanged.Kind.CREATED, new ServiceInvoice("i1", "c1", "t1", "SI-1",
                        LocalDate.of(2026, 11, 30), null, List.of(), BigDecimal.TEN))));

        assertThat(acme.exclusive()).isNotNull().isEqualTo(sameName.exclusive()).isEqualTo(job.exclusive());
        assertThat(invoice.exclusive()).as("an invoice makes no name").isNull();
    }

    private static WorkItem item(EventPayload payload) {
        OutboundEvent event = new OutboundEvent("e-" + payload.entityId(), "tenant-1", Instant.EPOCH, null, payload);
        return new WorkItem(event, () -> { }, new RecordOrigin.Events(2, 0, 0, null));
    }
}
