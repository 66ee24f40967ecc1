package com.cpsync.standin.json;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.cpsync.schemas.avro.CompaniesToQbo;
import com.cpsync.schemas.avro.InvoiceLineMode;
import com.cpsync.schemas.avro.NameConflictPolicy;
import com.cpsync.schemas.avro.ProjectsToQbo;
import com.cpsync.schemas.avro.SyncSettings;

import static com.cpsync.standin.StandInFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsJsonAvroMapperTest {

    private final SettingsJsonAvroMapper mapper = new SettingsJsonAvroMapper(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldTakeGivenSettingsAndDefaultTheRest() {
        SyncSettings settings = mapper.toAvro("tenant-1",
                Map.of("companiesToQbo", "WHEN_CREATED", "nameConflictPolicy", "SUFFIX", "getNewPayments", true));

        assertThat(settings.getTenantId()).isEqualTo("tenant-1");
        assertThat(settings.getUpdatedAt()).isEqualTo(NOW);
        assertThat(settings.getCompaniesToQbo()).isEqualTo(CompaniesToQbo.WHEN_CREATED);
        assertThat(settings.getNameConflictPolicy()).isEqualTo(NameConflictPolicy.SUFFIX);
        assertThat(settings.getGetNewPayments()).isTrue();
        assertThat(settings.getProjectsToQbo()).isEqualTo(ProjectsToQbo.NO);
        assertThat(settings.getInvoiceLineMode()).isEqualTo(InvoiceLineMode.SINGLE_LINE);
        assertThat(settings.getNameConflictSuffix()).isEqualTo(" (customer)");
        assertThat(settings.getInvoiceItemId()).isNull();
        assertThat(settings.getSendProjectChanges()).isFalse();
    }

    @Test
    void shouldGiveAllDefaultsForAnEmptyObject() {
        SyncSettings settings = mapper.toAvro("tenant-1", Map.of());

        assertThat(settings.getCompaniesToQbo()).isEqualTo(CompaniesToQbo.NEVER);
        assertThat(settings.getNameConflictPolicy()).isEqualTo(NameConflictPolicy.HOLD);
    }

    @Test
    void shouldRejectTyposAndUnknownValues() {
        assertThatThrownBy(() -> mapper.toAvro("tenant-1", Map.of("companiesToQBO", "WHEN_CREATED")))
                .isInstanceOf(InvalidJsonException.class).hasMessageContaining("unknown field(s) [companiesToQBO]");
        assertThatThrownBy(() -> mapper.toAvro("tenant-1", Map.of("companiesToQbo", "ALWAYS")))
                .hasMessageContaining("companiesToQbo must be one of [NEVER, WHEN_CREATED, WHEN_FIRST_PROJECT_OR_TICKET_SENT]");
        assertThatThrownBy(() -> mapper.toAvro("tenant-1", Map.of("getNewPayments", "yes")))
                .hasMessage("getNewPayments must be true or false");
    }
}
