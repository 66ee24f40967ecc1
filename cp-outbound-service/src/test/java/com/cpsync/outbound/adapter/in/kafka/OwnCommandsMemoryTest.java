package com.cpsync.outbound.adapter.in.kafka;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.cpsync.outbound.domain.echoes.OwnCommand;
import com.cpsync.schemas.avro.CenterpointCommand;
import com.cpsync.schemas.avro.DeleteInvoicePayment;
import com.cpsync.schemas.avro.UpsertCompany;

import static org.assertj.core.api.Assertions.assertThat;

class OwnCommandsMemoryTest {

    private final OwnCommandsMemory memory = new OwnCommandsMemory(2);

    @Test
    void shouldKeepTheQboCustomerIdOfAnUpsertCompanyAlongsideItsId() {
        memory.onRecord("t1", command("cmd-1", new UpsertCompany(null, "58", "From Qbo Ltd", null, null, null)));

        assertThat(memory.find("t1", "cmd-1")).contains(OwnCommand.upsertCompany("cmd-1", null, "58"));
        assertThat(memory.find("t2", "cmd-1")).isEmpty();
    }

    @Test
    void shouldRememberOtherCommandsWithoutACustomerAndForgetTheOldestBeyondTheLimit() {
        memory.onRecord("t1", command("cmd-1", new DeleteInvoicePayment("p1")));
        memory.onRecord("t1", command("cmd-2", new DeleteInvoicePayment("p2")));
        memory.onRecord("t1", command("cmd-3", new DeleteInvoicePayment("p3")));

        assertThat(memory.find("t1", "cmd-3")).contains(OwnCommand.other("cmd-3"));
        assertThat(memory.isOwnCommand("t1", "cmd-2")).isTrue();
        assertThat(memory.isOwnCommand("t1", "cmd-1")).isFalse();
    }

    private static CenterpointCommand command(String id, Object payload) {
        return CenterpointCommand.newBuilder().setCommandId(id).setTenantId("t1").setRealmId("r1")
                .setOccurredAt(Instant.now()).setPayload(payload).build();
    }
}
