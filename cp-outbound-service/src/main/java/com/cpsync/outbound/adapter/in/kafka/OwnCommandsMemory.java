package com.cpsync.outbound.adapter.in.kafka;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.specific.SpecificRecord;

import com.cpsync.outbound.application.port.OwnCommands;
import com.cpsync.outbound.domain.echoes.OwnCommand;
import com.cpsync.schemas.avro.CenterpointCommand;
import com.cpsync.schemas.avro.UpsertCompany;

/**
 * The most recent commands per tenant, read from centerpoint.commands.v1 (whole retained topic at
 * start-up, then followed, so this survives restarts). An event whose causationId is one of them is an
 * echo of our own write; an UpsertCompany keeps its QBO customer id so the echo can be linked.
 */
public class OwnCommandsMemory implements OwnCommands {

    private final int keptPerTenant;
    private final Map<String, Map<String, OwnCommand>> byTenant = new ConcurrentHashMap<>();

    public OwnCommandsMemory(int keptPerTenant) {
        this.keptPerTenant = keptPerTenant;
    }

    public void onRecord(String tenantId, SpecificRecord value) {
        if (value instanceof CenterpointCommand command) {
            byTenant.computeIfAbsent(command.getTenantId(), t -> Collections.synchronizedMap(
                    new LinkedHashMap<String, OwnCommand>() {
                        @Override
                        protected boolean removeEldestEntry(Map.Entry<String, OwnCommand> eldest) {
                            return size() > keptPerTenant;
                        }
                    })).put(command.getCommandId(), toOwnCommand(command));
        }
    }

    static OwnCommand toOwnCommand(CenterpointCommand command) {
        if (command.getPayload() instanceof UpsertCompany upsert) {
            return OwnCommand.upsertCompany(command.getCommandId(), upsert.getCompanyId(), upsert.getQboCustomerId());
        }
        return OwnCommand.other(command.getCommandId());
    }

    @Override
    public Optional<OwnCommand> find(String tenantId, String commandId) {
        Map<String, OwnCommand> commands = byTenant.get(tenantId);
        return commands == null ? Optional.empty() : Optional.ofNullable(commands.get(commandId));
    }
}
