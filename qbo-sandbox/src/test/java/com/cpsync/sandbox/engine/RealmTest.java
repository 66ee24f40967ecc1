package com.cpsync.sandbox.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import com.cpsync.sandbox.domain.ChangeEvent;
import com.cpsync.sandbox.domain.EntityType;
import com.cpsync.sandbox.domain.QboFault;
import com.cpsync.sandbox.domain.faults.FaultSettings;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RealmTest {

    private final List<ChangeEvent> events = new ArrayList<>();
    private final Realm realm = new Realm("123", Clock.fixed(Instant.parse("2026-11-20T18:00:00Z"), ZoneOffset.UTC),
            FaultSettings.qboDefaults(), events::add);

    private void settings(UnaryOperator<FaultSettings.Builder> change) {
        realm.faults().update(change.apply(realm.faults().settings().toBuilder()).build(), false);
    }

    private Realm.StoredResponse createOnce(String requestId, EntityType type, String json) {
        return realm.idempotent(requestId, () -> new Realm.StoredResponse(200, realm.save(type, Json.parseObject(json)).toString()));
    }

    private ObjectNode save(EntityType type, String json) {
        return realm.save(type, Json.parseObject(json));
    }

    @Test
    void shouldSeedTheServicesItem() {
        assertThat(realm.read(EntityType.ITEM, "1").get("Name").asString()).isEqualTo("Services");
    }

    @Test
    void shouldRenameChildrenWhenTheParentIsRenamed() {
        ObjectNode parent = save(EntityType.CUSTOMER, "{\"DisplayName\":\"Acme\"}");
        ObjectNode child = save(EntityType.CUSTOMER, "{\"DisplayName\":\"Kitchen\",\"ParentRef\":{\"value\":\"" + parent.get("Id").asString() + "\"}}");

        save(EntityType.CUSTOMER, "{\"Id\":\"" + parent.get("Id").asString() + "\",\"SyncToken\":\"0\",\"sparse\":true,\"DisplayName\":\"Acme Ltd\"}");

        ObjectNode renamed = realm.read(EntityType.CUSTOMER, child.get("Id").asString());
        assertThat(renamed.get("FullyQualifiedName").asString()).isEqualTo("Acme Ltd:Kitchen");
        assertThat(renamed.get("SyncToken").asString()).isEqualTo("1");
    }

    @Test
    void shouldMoveTransactionsToTheSurvivorOfAMerge() {
        String loser = save(EntityType.CUSTOMER, "{\"DisplayName\":\"Old\"}").get("Id").asString();
        String winner = save(EntityType.CUSTOMER, "{\"DisplayName\":\"New\"}").get("Id").asString();
        String invoice = save(EntityType.INVOICE, "{\"CustomerRef\":{\"value\":\"" + loser + "\"},"
                + "\"Line\":[{\"DetailType\":\"SalesItemLineDetail\",\"Amount\":5}]}").get("Id").asString();

        realm.merge(EntityType.CUSTOMER, loser, winner);

        assertThat(Json.ref(realm.read(EntityType.INVOICE, invoice), "CustomerRef")).isEqualTo(winner);
        assertThatThrownBy(() -> realm.read(EntityType.CUSTOMER, loser))
                .satisfies(e -> assertThat(((QboFault) e).details().code()).isEqualTo("610"));
        assertThat(events).last().satisfies(e -> {
            assertThat(e.operation()).isEqualTo(ChangeEvent.Operation.MERGE);
            assertThat(e.id()).isEqualTo(winner);
            assertThat(e.deletedId()).isEqualTo(loser);
        });
    }

    @Test
    void shouldRefuseToApplyMoreThanTheInvoiceBalance() {
        String customer = save(EntityType.CUSTOMER, "{\"DisplayName\":\"Payer\"}").get("Id").asString();
        String invoice = save(EntityType.INVOICE, "{\"CustomerRef\":{\"value\":\"" + customer + "\"},"
                + "\"Line\":[{\"DetailType\":\"SalesItemLineDetail\",\"Amount\":50}]}").get("Id").asString();
        String link = "\"LinkedTxn\":[{\"TxnId\":\"" + invoice + "\",\"TxnType\":\"Invoice\"}]";
        save(EntityType.PAYMENT, "{\"CustomerRef\":{\"value\":\"" + customer + "\"},\"TotalAmt\":30,\"Line\":[{\"Amount\":30," + link + "}]}");

        assertThatThrownBy(() -> save(EntityType.PAYMENT, "{\"CustomerRef\":{\"value\":\"" + customer + "\"},\"TotalAmt\":30,"
                + "\"Line\":[{\"Amount\":30," + link + "}]}"))
                .satisfies(e -> assertThat(((QboFault) e).details().code()).isEqualTo("6000"));
        assertThat(realm.read(EntityType.INVOICE, invoice).get("Balance").decimalValue()).isEqualByComparingTo("20");
        assertThat(realm.read(EntityType.INVOICE, invoice).get("LinkedTxn")).hasSize(1);
    }

    @Test
    void shouldAutoNumberInvoicesWithoutDocNumber() {
        String customer = save(EntityType.CUSTOMER, "{\"DisplayName\":\"Auto\"}").get("Id").asString();
        String line = "\"Line\":[{\"DetailType\":\"SalesItemLineDetail\",\"Amount\":1}]";

        assertThat(save(EntityType.INVOICE, "{\"CustomerRef\":{\"value\":\"" + customer + "\"}," + line + "}").get("DocNumber").asString())
                .isEqualTo("1001");
        assertThat(save(EntityType.INVOICE, "{\"CustomerRef\":{\"value\":\"" + customer + "\"}," + line + "}").get("DocNumber").asString())
                .isEqualTo("1002");
    }

    @Test
    void shouldReplayARepeatedRequestIdWithoutWritingAgain() {
        Realm.StoredResponse first = createOnce("r-1", EntityType.CUSTOMER, "{\"DisplayName\":\"Once\"}");
        Realm.StoredResponse again = createOnce("r-1", EntityType.CUSTOMER, "{\"DisplayName\":\"Once\"}");

        assertThat(again).isEqualTo(first);
        assertThat(realm.all(EntityType.CUSTOMER)).hasSize(1);
    }

    @Test
    void shouldCreateAgainForARepeatedRequestIdWhenReplayIsOff() {
        settings(s -> s.requestIdReplay(false));
        String customer = save(EntityType.CUSTOMER, "{\"DisplayName\":\"Retried\"}").get("Id").asString();
        String invoice = "{\"CustomerRef\":{\"value\":\"" + customer + "\"},\"Line\":[{\"DetailType\":\"SalesItemLineDetail\",\"Amount\":5}]}";

        createOnce("r-2", EntityType.INVOICE, invoice);
        createOnce("r-2", EntityType.INVOICE, invoice);

        assertThat(realm.all(EntityType.INVOICE)).hasSize(2);
    }

    @Test
    void shouldRefuseADuplicateDocNumberUnlessTheRealmAllowsIt() {
        String customer = save(EntityType.CUSTOMER, "{\"DisplayName\":\"Docs\"}").get("Id").asString();
        String invoice = "{\"CustomerRef\":{\"value\":\"" + customer + "\"},\"DocNumber\":\"CP-1\","
                + "\"Line\":[{\"DetailType\":\"SalesItemLineDetail\",\"Amount\":5}]}";
        save(EntityType.INVOICE, invoice);

        assertThatThrownBy(() -> save(EntityType.INVOICE, invoice))
                .satisfies(e -> assertThat(((QboFault) e).details().code()).isEqualTo("6140"));
        settings(s -> s.duplicateDocNumbers(FaultSettings.DuplicateDocNumbers.ALLOW));
        save(EntityType.INVOICE, invoice);

        assertThat(realm.all(EntityType.INVOICE)).extracting(i -> i.get("DocNumber").asString()).containsExactly("CP-1", "CP-1");
    }

    @Test
    void shouldWriteTimesInTheRealmsZone() {
        assertThat(save(EntityType.CUSTOMER, "{\"DisplayName\":\"Pacific\"}").get("MetaData").get("CreateTime").asString())
                .isEqualTo("2026-11-20T10:00:00.000-08:00");
        settings(s -> s.timeZone(ZoneId.of("Asia/Tokyo")));

        assertThat(save(EntityType.CUSTOMER, "{\"DisplayName\":\"Tokyo\"}").get("MetaData").get("CreateTime").asString())
                .isEqualTo("2026-11-21T03:00:00.000+09:00");
    }
}
