package com.cpsync.outbound.adapter.in.kafka;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.specific.SpecificRecord;

import com.cpsync.outbound.application.port.OwnCommands;
import com.cpsync.schemas.avro.CenterpointCommand;

/**
 * The most recent command ids per tenant, read from centerpoint.commands.v1 (whole retained topic
 * at start-up, then followed). An event whose causationId is one of them is an echo of our own write.
 */
public class OwnCommandsMemory implements OwnCommands {

    private final int keptPerTenant;
    private final Map<String, Set<String>> byTenant = new ConcurrentHashMap<>();

    public OwnCommandsMemory(int keptPerTenant) {
        this.keptPerTenant = keptPerTenant;
    }

    public void onRecord(String tenantId, SpecificRecord value) {
        if (value instanceof CenterpointCommand command) {
            byTenant.computeIfAbsent(command.getTenantId(), t -> Collections.synchronizedSet(
                    Collections.newSetFromMap(new LinkedHashMap<String, Boolean>() {
                        @Override
                        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                            return size() > keptPerTenant;
                        }
                    }))).add(command.getCommandId());
        }
    }

    @Override
    public boolean isOwnCommand(String tenantId, String commandId) {
        Set<String> ids = byTenant.get(tenantId);
        return ids != null && ids.contains(commandId);
    }
}
