package com.cpsync.outbound.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.cpsync.outbound.application.port.EntityKind;
import com.cpsync.outbound.application.port.SyncOutcomeRecord;
import com.cpsync.outbound.application.port.SyncOutcomeRecord.Action;
import com.cpsync.outbound.application.port.SyncOutcomeRecord.Result;
import com.cpsync.outbound.domain.centerpoint.Company;
import com.cpsync.outbound.domain.centerpoint.Project;
import com.cpsync.outbound.domain.events.EventPayload;
import com.cpsync.outbound.domain.events.EventPayload.CompanyChanged;
import com.cpsync.outbound.domain.events.EventPayload.ProjectChanged;
import com.cpsync.outbound.domain.events.OutboundEvent;
import com.cpsync.outbound.domain.resolutions.Resolution;
import com.cpsync.outbound.domain.settings.OutboundSettings;
import com.cpsync.outbound.domain.settings.OutboundSettings.CompanyCreation;
import com.cpsync.outbound.domain.settings.OutboundSettings.InvoiceCreation;
import com.cpsync.outbound.domain.settings.OutboundSettings.NameConflictPolicy;
import com.cpsync.outbound.domain.settings.OutboundSettings.ProjectCreation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResolveConflictTest {

    private static final Company ACME = new Company("c1", "Acme", "ap@acme.com", null, null);
    private static final OutboundSettings HOLD = new OutboundSettings(CompanyCreation.WHEN_CREATED,
            ProjectCreation.WHEN_CREATED, false, OutboundSettings.TicketCreation.NO, false, InvoiceCreation.NEVER,
            false, OutboundSettings.InvoiceLineMode.SINGLE_LINE, "1", NameConflictPolicy.HOLD, " (customer)");

    private final OutboundFakes fakes = new OutboundFakes();
    private final List<SyncOutcomeRecord> outcomes = fakes.outcomes;
    private final HandleCenterpointEvent handler = fakes.handler(tenant -> HOLD, (tenant, id) -> Optional.empty());
    private final ResolveConflict resolver = fakes.resolver(handler);

    @Test
    void shouldLinkAHeldCompanyToTheChosenCustomer() {
        String vendor = fakes.qbo.add("Vendor", json("Acme")).path("Id").asString();
        String customer = fakes.qbo.add("Customer", json("Acme Inc")).path("Id").asString();
        holdAcme();

        resolver.resolve(resolution("r1", EntityKind.COMPANY, "c1", Resolution.Action.LINK, customer),
                EntityKind.COMPANY);

        assertThat(last()).satisfies(o -> {
            assertThat(o.causationId()).isEqualTo("r1");
            assertThat(o.result()).isEqualTo(Result.SYNCED);
            assertThat(o.action()).isEqualTo(Action.LINK);
            assertThat(o.qboId()).isEqualTo(customer);
            assertThat(o.reason()).contains("chosen by resolution r1 (LINK by ops)");
        });
        assertThat(fakes.mapping.findLink("t1", EntityKind.COMPANY, "c1")).contains(customer);
        assertThat(vendor).isNotEqualTo(customer);
    }

    @Test
    void shouldKeepALinkClashAConflict() {
        String customer = fakes.qbo.add("Customer", json("Acme Inc")).path("Id").asString();
        fakes.mapping.putLink("t1", EntityKind.COMPANY, "c9", customer);
        fakes.qbo.add("Vendor", json("Acme"));
        holdAcme();

        resolver.resolve(resolution("r1", EntityKind.COMPANY, "c1", Resolution.Action.LINK, customer),
                EntityKind.COMPANY);

        assertThat(last().result()).isEqualTo(Result.CONFLICT);
        assertThat(last().reason()).contains("link clash", "resolution r1");
        assertThat(fakes.mapping.findLink("t1", EntityKind.COMPANY, "c1")).isEmpty();
    }

    @Test
    void shouldCreateAHeldCompanyWithTheSuffixOnceWhateverTheClicks() {
        fakes.qbo.add("Vendor", json("Acme"));
        holdAcme();
        Resolution suffix = resolution("r1", EntityKind.COMPANY, "c1", Resolution.Action.CREATE_WITH_SUFFIX, null);

        resolver.resolve(suffix, EntityKind.COMPANY);
        resolver.resolve(suffix, EntityKind.COMPANY);
        resolver.resolve(resolution("r2", EntityKind.COMPANY, "c1", Resolution.Action.CREATE_WITH_SUFFIX, null),
                EntityKind.COMPANY);

        assertThat(fakes.qbo.all("Customer")).singleElement()
                .satisfies(c -> assertThat(c.path("DisplayName").asString()).isEqualTo("Acme (customer)"));
        assertThat(outcomes).filteredOn(o -> o.causationId().equals("r1")).singleElement()
                .satisfies(o -> assertThat(o.action()).isEqualTo(Action.CREATE));
        assertThat(outcomes).filteredOn(o -> o.causationId().equals("r2")).singleElement()
                .satisfies(o -> assertThat(o.reason()).contains("already linked"));
    }

    @Test
    void shouldDismissWithoutWritingAndNameWhoDismissed() {
        fakes.qbo.add("Vendor", json("Acme"));
        holdAcme();
        int callsBefore = fakes.qbo.calls;

        resolver.resolve(resolution("r1", EntityKind.COMPANY, "c1", Resolution.Action.DISMISS, null),
                EntityKind.COMPANY);

        assertThat(last().result()).isEqualTo(Result.SKIPPED_BY_SETTINGS);
        assertThat(last().reason()).startsWith("dismissed by ops");
        assertThat(fakes.qbo.calls).isEqualTo(callsBefore);
    }

    @Test
    void shouldCreateAHeldProjectWithTheSuffix() {
        fakes.qbo.add("Vendor", json("Roof"));
        handler.handle(event("e1", new CompanyChanged(CompanyChanged.Kind.CREATED, ACME)));
        handler.handle(event("e2", new ProjectChanged(ProjectChanged.Kind.CREATED,
                new Project("p1", "c1", "Roof", null))));
        assertThat(last().result()).isEqualTo(Result.CONFLICT);

        resolver.resolve(resolution("r1", EntityKind.PROJECT, "p1", Resolution.Action.CREATE_WITH_SUFFIX, null),
                EntityKind.PROJECT);

        assertThat(last().result()).isEqualTo(Result.SYNCED);
        assertThat(last().action()).isEqualTo(Action.CREATE);
        assertThat(fakes.mapping.findLink("t1", EntityKind.PROJECT, "p1")).isPresent();
    }

    @Test
    void shouldWaitForTheStateOfAnEntityNotSeenYetAndApplyItOnceSeen() {
        Resolution link = resolution("r1", EntityKind.COMPANY, "c1", Resolution.Action.LINK, "58");

        assertThatThrownBy(() -> resolver.resolve(link, EntityKind.COMPANY))
                .hasMessageContaining("no Centerpoint state of COMPANY c1 is known here yet");
        assertThat(outcomes).isEmpty();
        String customer = fakes.qbo.add("Customer", json("Acme Inc")).path("Id").asString();
        fakes.qbo.add("Vendor", json("Acme"));
        holdAcme();
        resolver.resolve(resolution("r1", EntityKind.COMPANY, "c1", Resolution.Action.LINK, customer),
                EntityKind.COMPANY);

        assertThat(last().result()).isEqualTo(Result.SYNCED);
        assertThat(last().causationId()).isEqualTo("r1");
    }

    @Test
    void shouldRefuseToLinkAnInvoiceAndKeepItHeld() {
        resolver.resolve(resolution("r1", EntityKind.SERVICE_INVOICE, "i1", Resolution.Action.LINK, "130"),
                EntityKind.SERVICE_INVOICE);

        assertThat(last().result()).isEqualTo(Result.CONFLICT);
        assertThat(last().reason()).contains("not to SERVICE_INVOICE", "still held");
    }

    private void holdAcme() {
        handler.handle(event("e1", new CompanyChanged(CompanyChanged.Kind.CREATED, ACME)));
        assertThat(last().result()).isEqualTo(Result.CONFLICT);
    }

    private SyncOutcomeRecord last() {
        return outcomes.get(outcomes.size() - 1);
    }

    private static Resolution resolution(String id, EntityKind kind, String centerpointId, Resolution.Action action,
            String qboId) {
        return new Resolution(id, "t1", "out-1", kind.name(), centerpointId, action, qboId, "ops");
    }

    private static OutboundEvent event(String id, EventPayload payload) {
        return new OutboundEvent(id, "t1", Instant.now(), null, payload);
    }

    private static ObjectNode json(String displayName) {
        return JsonNodeFactory.instance.objectNode().put("DisplayName", displayName);
    }
}
