package com.cpsync.inbound.domain.change;

import org.junit.jupiter.api.Test;

import com.cpsync.inbound.domain.decision.SyncedEntity;

import static org.assertj.core.api.Assertions.assertThat;

class QboEntityTest {

    @Test
    void shouldReadQboEntityNamesWhateverTheirCase() {
        assertThat(QboEntity.ofQboName("Customer")).contains(QboEntity.CUSTOMER);
        assertThat(QboEntity.ofQboName("creditmemo")).contains(QboEntity.CREDIT_MEMO);
        assertThat(QboEntity.ofQboName(" BillPayment ")).contains(QboEntity.BILL_PAYMENT);
        assertThat(QboEntity.CREDIT_MEMO.qboName()).isEqualTo("CreditMemo");
    }

    @Test
    void shouldKnowNoEntityQboDoesNotHave() {
        assertThat(QboEntity.ofQboName("Spaceship")).isEmpty();
        assertThat(QboEntity.ofQboName("")).isEmpty();
        assertThat(QboEntity.ofQboName(null)).isEmpty();
    }

    @Test
    void shouldSyncOnlyCustomersInvoicesAndPayments() {
        assertThat(SyncedEntity.of(QboEntity.CUSTOMER)).contains(SyncedEntity.COMPANY);
        assertThat(SyncedEntity.of(QboEntity.INVOICE)).contains(SyncedEntity.PROJECT_INVOICE);
        assertThat(SyncedEntity.of(QboEntity.PAYMENT)).contains(SyncedEntity.PAYMENT);
        assertThat(SyncedEntity.of(QboEntity.VENDOR)).isEmpty();
        assertThat(SyncedEntity.of(QboEntity.CREDIT_MEMO)).isEmpty();
    }
}
