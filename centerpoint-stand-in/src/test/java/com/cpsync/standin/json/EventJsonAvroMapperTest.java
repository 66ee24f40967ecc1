package com.cpsync.standin.json;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.schemas.avro.CompanyCreated;
import com.cpsync.schemas.avro.ServiceInvoiceCreated;

import static com.cpsync.standin.StandInFixtures.NOW;
import static com.cpsync.standin.StandInFixtures.aCompanyCreatedJson;
import static com.cpsync.standin.StandInFixtures.aServiceInvoiceCreatedJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonAvroMapperTest {

    private final EventJsonAvroMapper mapper = new EventJsonAvroMapper(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldMapCompanyCreatedWithGeneratedEventIdAndTenantFromPath() {
        CenterpointEvent event = mapper.toAvro("tenant-1", aCompanyCreatedJson("c-1", "Acme"));

        assertThat(event.getEventId()).isNotBlank();
        assertThat(event.getTenantId()).isEqualTo("tenant-1");
        assertThat(event.getOccurredAt()).isEqualTo(NOW);
        assertThat(event.getCausationId()).isNull();
        CompanyCreated payload = (CompanyCreated) event.getPayload();
        assertThat(payload.getCompany().getName()).isEqualTo("Acme");
        assertThat(payload.getCompany().getPhone()).isNull();
        assertThat(payload.getCompany().getBillingAddress().getCity()).isEqualTo("Austin");
        assertThat(payload.getCompany().getBillingAddress().getLine2()).isNull();
    }

    @Test
    void shouldKeepGivenEventIdAndCausationId() {
        Map<String, Object> json = new HashMap<>(aCompanyCreatedJson("c-1", "Acme"));
        json.put("eventId", "evt-1");
        json.put("causationId", "cmd-9");

        CenterpointEvent event = mapper.toAvro("tenant-1", json);

        assertThat(event.getEventId()).isEqualTo("evt-1");
        assertThat(event.getCausationId()).isEqualTo("cmd-9");
    }

    @Test
    void shouldMapServiceInvoiceWithDatesLinesAndMoneyStrings() {
        CenterpointEvent event = mapper.toAvro("tenant-1", aServiceInvoiceCreatedJson());

        ServiceInvoiceCreated payload = (ServiceInvoiceCreated) event.getPayload();
        assertThat(payload.getInvoice().getIssueDate()).isEqualTo(LocalDate.parse("2026-03-01"));
        assertThat(payload.getInvoice().getDueDate()).isEqualTo(LocalDate.parse("2026-03-31"));
        assertThat(payload.getInvoice().getLines()).singleElement()
                .satisfies(line -> assertThat(line.getAmount()).isEqualTo("190.00"));
        assertThat(payload.getInvoice().getTotal()).isEqualTo("190.00");
    }

    @Test
    void shouldRejectTimesAvroCannotCarryInsteadOfFailingWhenPublished() {
        Map<String, Object> farEvent = new HashMap<>(aCompanyCreatedJson("c-1", "Acme"));
        farEvent.put("occurredAt", "+999999999-12-31T23:59:59Z");
        Map<String, Object> farDate = new HashMap<>(aServiceInvoiceCreatedJson());
        @SuppressWarnings("unchecked")
        Map<String, Object> invoice = new HashMap<>((Map<String, Object>) farDate.get("invoice"));
        invoice.put("issueDate", "+999999999-12-31");
        farDate.put("invoice", invoice);

        assertThatThrownBy(() -> mapper.toAvro("tenant-1", farEvent)).isInstanceOf(InvalidJsonException.class)
                .hasMessage("occurredAt is too far from 1970 for a timestamp: +999999999-12-31T23:59:59Z");
        assertThatThrownBy(() -> mapper.toAvro("tenant-1", farDate)).isInstanceOf(InvalidJsonException.class)
                .hasMessage("invoice.issueDate is too far from 1970 for a date: +999999999-12-31");
    }

    @Test
    void shouldRejectMissingType() {
        assertThatThrownBy(() -> mapper.toAvro("tenant-1", Map.of("company", Map.of())))
                .isInstanceOf(InvalidJsonException.class)
                .hasMessageContaining("type is required").hasMessageContaining("CompanyCreated");
    }

    @Test
    void shouldRejectUnknownType() {
        assertThatThrownBy(() -> mapper.toAvro("tenant-1", Map.of("type", "CompanyDeleted")))
                .hasMessageContaining("type must be one of").hasMessageContaining("CompanyDeleted");
    }

    @Test
    void shouldNameTheMissingRequiredField() {
        Map<String, Object> json = Map.of("type", "CompanyCreated", "company", Map.of("id", "c-1"));

        assertThatThrownBy(() -> mapper.toAvro("tenant-1", json)).hasMessage("company.name is required");
    }

    @Test
    void shouldRejectFloatingPointMoney() {
        Map<String, Object> json = Map.of("type", "ServiceInvoiceCreated", "invoice", Map.of(
                "id", "i", "companyId", "c", "ticketId", "t", "number", "1", "issueDate", "2026-03-01",
                "lines", List.of(), "total", 12.5));

        assertThatThrownBy(() -> mapper.toAvro("tenant-1", json)).hasMessage("invoice.total must be a string");
    }

    @Test
    void shouldRejectNonDecimalMoneyAndBadDates() {
        Map<String, Object> badMoney = Map.of("type", "ServiceInvoiceCreated", "invoice", Map.of(
                "id", "i", "companyId", "c", "ticketId", "t", "number", "1", "issueDate", "2026-03-01",
                "lines", List.of(), "total", "twelve"));
        Map<String, Object> badDate = Map.of("type", "ServiceInvoiceCreated", "invoice", Map.of(
                "id", "i", "companyId", "c", "ticketId", "t", "number", "1", "issueDate", "01/03/2026",
                "lines", List.of(), "total", "1"));

        assertThatThrownBy(() -> mapper.toAvro("tenant-1", badMoney)).hasMessageContaining("invoice.total must be a decimal");
        assertThatThrownBy(() -> mapper.toAvro("tenant-1", badDate)).hasMessageContaining("invoice.issueDate must be an ISO date");
    }

    @Test
    void shouldRejectUnknownFieldsAndAnotherTenant() {
        Map<String, Object> typo = new HashMap<>(aCompanyCreatedJson("c-1", "Acme"));
        typo.put("compnay", Map.of());
        Map<String, Object> otherTenant = new HashMap<>(aCompanyCreatedJson("c-1", "Acme"));
        otherTenant.put("tenantId", "tenant-2");

        assertThatThrownBy(() -> mapper.toAvro("tenant-1", typo)).hasMessageContaining("unknown field(s) [compnay]");
        assertThatThrownBy(() -> mapper.toAvro("tenant-1", otherTenant)).hasMessageContaining("differs from the tenant");
    }
}
