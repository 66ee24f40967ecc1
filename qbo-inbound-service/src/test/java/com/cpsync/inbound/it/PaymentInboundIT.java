package com.cpsync.inbound.it;

import java.util.List;
import java.util.Map;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.cpsync.schemas.avro.DeleteInvoicePayment;
import com.cpsync.schemas.avro.PaymentApplication;
import com.cpsync.schemas.avro.SyncAction;
import com.cpsync.schemas.avro.SyncEntityType;
import com.cpsync.schemas.avro.SyncResult;
import com.cpsync.schemas.avro.UpsertInvoicePayment;
import com.cpsync.schemas.avro.UpsertProjectInvoice;

import static com.cpsync.inbound.it.QboBodies.invoice;
import static com.cpsync.inbound.it.QboBodies.payment;
import static com.cpsync.inbound.it.QboBodies.paymentOnTwoInvoices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** QBO payments become Centerpoint invoice payments: split over invoices, and by every payment setting. */
class PaymentInboundIT extends InboundItBase {

    @Test
    void shouldApplyAPaymentToTwoInvoicesAndDeleteItOnlyWhenTheSettingIsOn() {
        connect("t-pay", "r-pay", settings("t-pay").setGetNewProjectInvoices(true).setGetNewPayments(true)
                .setGetPaymentChanges(true));
        String parent = stack.create("r-pay", "Customer", "{\"DisplayName\":\"Pay Homes\"}").path("Id").asString();
        String job = stack.create("r-pay", "Customer", "{\"DisplayName\":\"Pay Homes Kitchen\",\"Job\":true,"
                + "\"BillWithParent\":true,\"ParentRef\":{\"value\":\"" + parent + "\"}}").path("Id").asString();
        stack.link("t-pay", "PROJECT", "p-kitchen", job);
        String serviceInvoice = stack.create("r-pay", "Invoice", invoice(parent, "100.00")).path("Id").asString();
        stack.link("t-pay", "SERVICE_INVOICE", "si-1", serviceInvoice);
        String projectInvoice = stack.create("r-pay", "Invoice", invoice(job, "280.00")).path("Id").asString();
        await().atMost(WAIT).untilAsserted(() -> assertThat(commands("t-pay"))
                .anySatisfy(c -> assertThat(c.getPayload()).isInstanceOf(UpsertProjectInvoice.class)));

        JsonNode payment = stack.create("r-pay", "Payment", paymentOnTwoInvoices(parent, serviceInvoice, projectInvoice));
        String paymentId = payment.path("Id").asString();

        await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor("t-pay", "Payment", paymentId)).singleElement()
                .satisfies(command -> {
                    UpsertInvoicePayment upsert = (UpsertInvoicePayment) command.getPayload();
                    assertThat(upsert.getTotalAmount()).isEqualTo("380.00");
                    assertThat(upsert.getApplications()).extracting(PaymentApplication::getQboInvoiceId,
                            a -> a.getInvoiceKind().name(), PaymentApplication::getCenterpointInvoiceId,
                            PaymentApplication::getProjectId, PaymentApplication::getAmount)
                            .containsExactlyInAnyOrder(
                                    Tuple.tuple(serviceInvoice, "SERVICE_INVOICE", "si-1", null, "100.00"),
                                    Tuple.tuple(projectInvoice, "PROJECT_INVOICE", null, "p-kitchen", "280.00"));
                }));

        stack.delete("r-pay", "Payment", paymentId, payment.path("SyncToken").asString());
        await().atMost(WAIT).untilAsserted(() -> assertThat(outcomes("t-pay", paymentId))
                .anySatisfy(o -> {
                    assertThat(o.getAction()).isEqualTo(SyncAction.DELETE);
                    assertThat(o.getResult()).isEqualTo(SyncResult.SKIPPED_BY_SETTINGS);
                }));
        assertThat(commandsFor("t-pay", "Payment", paymentId)).noneMatch(c -> c.getPayload() instanceof DeleteInvoicePayment);

        publish(settings("t-pay").setGetNewProjectInvoices(true).setGetNewPayments(true).setGetPaymentChanges(true)
                .setDeletePaymentsDeletedInQbo(true));
        JsonNode second = stack.create("r-pay", "Payment", paymentOnTwoInvoices(parent, serviceInvoice, projectInvoice));
        String secondId = second.path("Id").asString();
        await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor("t-pay", "Payment", secondId)).hasSize(1));
        stack.delete("r-pay", "Payment", secondId, second.path("SyncToken").asString());
        await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor("t-pay", "Payment", secondId))
                .anySatisfy(c -> assertThat(c.getPayload()).isEqualTo(new DeleteInvoicePayment(secondId))));
    }

    /** Every payment switch at true and at false: a new, a changed and a deleted payment on a synced service invoice. */
    @Test
    void shouldFollowEveryPaymentSettingForRealSandboxChanges() throws Exception {
        SettingRow.runTable("payment", Map.of(
                "getNewPayments", this::newPayment,
                "getPaymentChanges", this::changedPayment,
                "deletePaymentsDeletedInQbo", this::deletedPayment));
    }

    private void newPayment(SettingRow row) {
        String serviceInvoice = syncedServiceInvoice(row);
        publish(row.settings());
        String id = stack.create(row.realm(), "Payment", paymentOf(serviceInvoice)).path("Id").asString();

        row.expectOutcome(id, SyncEntityType.PAYMENT, SyncAction.CREATE);
        if (row.on()) {
            assertThat(commandsFor(row.tenant(), "Payment", id)).singleElement().satisfies(c -> assertThat(
                    ((UpsertInvoicePayment) c.getPayload()).getApplications()).singleElement().satisfies(a -> {
                        assertThat(a.getCenterpointInvoiceId()).isEqualTo("si-" + row.realm());
                        assertThat(a.getAmount()).isEqualTo("100.00");
                    }));
        }
        else {
            assertThat(commandsFor(row.tenant(), "Payment", id)).isEmpty();
        }
    }

    private void changedPayment(SettingRow row) {
        String id = importedPayment(row);
        stack.update(row.realm(), "Payment", "{\"Id\":\"" + id + "\",\"SyncToken\":\"0\",\"sparse\":true,"
                + "\"PaymentRefNum\":\"CHK-2\"}");

        row.expectOutcome(id, SyncEntityType.PAYMENT, SyncAction.UPDATE);
        List<UpsertInvoicePayment> upserts = commandsFor(row.tenant(), "Payment", id).stream()
                .map(c -> (UpsertInvoicePayment) c.getPayload()).toList();
        if (row.on()) {
            assertThat(upserts).extracting(UpsertInvoicePayment::getPaymentRefNum).containsExactly("CHK-1", "CHK-2");
        }
        else {
            assertThat(upserts).extracting(UpsertInvoicePayment::getPaymentRefNum).containsExactly("CHK-1");
        }
    }

    private void deletedPayment(SettingRow row) {
        String id = importedPayment(row);
        row.expectDeleteOnlyWhenOn("Payment", id, SyncEntityType.PAYMENT, new DeleteInvoicePayment(id));
    }

    /** A service invoice written, recorded and linked as cp-outbound-service does. */
    private String syncedServiceInvoice(SettingRow row) {
        row.connectWithoutSettings();
        String customer = stack.create(row.realm(), "Customer", "{\"DisplayName\":\"Payer " + row.realm() + "\"}")
                .path("Id").asString();
        JsonNode invoice = stack.create(row.realm(), "Invoice", invoice(customer, "100.00"));
        String id = invoice.path("Id").asString();
        stack.recordWrite(row.tenant(), row.realm(), "Invoice", id, invoice.path("SyncToken").asString());
        stack.link(row.tenant(), "SERVICE_INVOICE", "si-" + row.realm(), id);
        return customer + "/" + id;
    }

    private String importedPayment(SettingRow row) {
        String serviceInvoice = syncedServiceInvoice(row);
        publish(row.settings());
        String id = stack.create(row.realm(), "Payment", paymentOf(serviceInvoice)).path("Id").asString();
        await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor(row.tenant(), "Payment", id)).hasSize(1));
        return id;
    }

    /** A payment of 100.00 on the service invoice ({@code customerId/invoiceId}). */
    private static String paymentOf(String serviceInvoice) {
        String[] ids = serviceInvoice.split("/");
        return payment(ids[0], ids[1]);
    }
}
