package com.cpsync.standin.json;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificData;

import com.cpsync.schemas.avro.SyncSettings;

/**
 * Maps the settings JSON (names as in DESIGN.md §4) to a {@link SyncSettings} record: omitted
 * settings take the schema defaults (everything off), unknown names are rejected so a typo does
 * not silently leave a setting off.
 */
public final class SettingsJsonAvroMapper {

    private final AvroJsonReader reader = new AvroJsonReader(SpecificData.getForClass(SyncSettings.class));
    private final Clock clock;

    public SettingsJsonAvroMapper(Clock clock) {
        this.clock = clock;
    }

    public SyncSettings toAvro(String tenantId, Map<String, ?> json) {
        Object bodyTenant = json.get("tenantId");
        if (bodyTenant != null && !tenantId.equals(bodyTenant)) {
            throw new InvalidJsonException("tenantId " + bodyTenant + " differs from the tenant in the path " + tenantId);
        }
        Map<String, Object> complete = new LinkedHashMap<>(json);
        complete.put("tenantId", tenantId);
        complete.putIfAbsent("updatedAt", clock.instant().toString());
        return (SyncSettings) reader.readRecord(SyncSettings.getClassSchema(), complete, "");
    }
}
