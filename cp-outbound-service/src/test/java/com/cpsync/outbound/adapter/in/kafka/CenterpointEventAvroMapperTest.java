package com.cpsync.outbound.adapter.in.kafka;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.cpsync.outbound.domain.centerpoint.Address;
import com.cpsync.outbound.domain.centerpoint.Company;
import com.cpsync.outbound.domain.centerpoint.InvoiceLine;
import com.cpsync.outbound.domain.centerpoint.Project;
import com.cpsync.outbound.domain.centerpoint.ServiceInvoice;
import com.cpsync.outbound.domain.centerpoint.ServiceTicket;
import com.cpsync.outbound.domain.events.EventPayload;
import com.cpsync.outbound.domain.events.OutboundEvent;
import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.schemas.avro.ProjectInvoiced;
import com.cpsync.schemas.avro.ServiceInvoiceCreated;
import com.cpsync.syncsupport.deadletter.InvalidMessageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CenterpointEventAvroMapperTest {

    private static final Address ADDRESS = new Address("1 Main", "Unit 2", "Austin", "TX", "78701", "US");

    @Test
    void shouldKeepEveryEntityThroughItsStateRecord() {
        List<Object> entities = List.of(
                new Company("c1", "Acme", "ap@acme.com", null, ADDRESS),
                new Project("p1", "c1", "Kitchen", ADDRESS),
                new ServiceTicket("t1", "c1", "T-1", null, null),
                new ServiceInvoice("i1", "c1", "t1", "INV-1", LocalDate.of(2026, 11, 20), null,
                        List.of(new InvoiceLine("work", new BigDecimal("4"), new BigDecimal("95.00"),
                                new BigDecimal("380.00"))), new BigDecimal("380.00")));

        for (Object entity : entities) {
            assertThat(CenterpointEventAvroMapper.entityOf(CenterpointEventAvroMapper.stateOf(entity)))
                    .isEqualTo(entity);
        }
    }

    @Test
    void shouldMapAProjectInvoicedEventToAnInvoicedProjectChange() {
        CenterpointEvent avro = CenterpointEvent.newBuilder().setEventId("e1").setTenantId("t").setOccurredAt(
                Instant.parse("2026-11-26T09:00:00Z")).setCausationId("cmd-1").setPayload(new ProjectInvoiced(
                new com.cpsync.schemas.avro.Project("p1", "c1", "Kitchen", null))).build();

        OutboundEvent event = CenterpointEventAvroMapper.toDomain(avro);

        assertThat(event.causationId()).isEqualTo("cmd-1");
        assertThat(event.payload()).isEqualTo(new EventPayload.ProjectChanged(EventPayload.ProjectChanged.Kind.INVOICED,
                new Project("p1", "c1", "Kitchen", null)));
    }

    @Test
    void shouldRejectMoneyThatIsNotADecimalAsAnInvalidMessage() {
        ServiceInvoiceCreated payload = new ServiceInvoiceCreated(new com.cpsync.schemas.avro.ServiceInvoice("i1", "c1",
                "t1", "INV-1", LocalDate.of(2026, 11, 20), null, List.of(), "38O.00"));

        assertThatThrownBy(() -> CenterpointEventAvroMapper.payload(payload))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("38O.00");
    }
}
