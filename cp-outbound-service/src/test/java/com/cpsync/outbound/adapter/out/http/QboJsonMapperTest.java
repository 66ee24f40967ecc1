package com.cpsync.outbound.adapter.out.http;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.cpsync.outbound.application.port.QboGateway.Version;
import com.cpsync.outbound.application.port.QboWrite;
import com.cpsync.outbound.domain.centerpoint.Address;
import com.cpsync.outbound.domain.centerpoint.Company;
import com.cpsync.outbound.domain.centerpoint.InvoiceLine;
import com.cpsync.outbound.domain.centerpoint.Project;
import com.cpsync.outbound.domain.centerpoint.ServiceInvoice;
import com.cpsync.outbound.domain.centerpoint.ServiceTicket;
import com.cpsync.outbound.domain.companies.CustomerChanges;
import com.cpsync.outbound.domain.companies.CustomerFields;
import com.cpsync.outbound.domain.invoices.InvoiceChanges;
import com.cpsync.outbound.domain.invoices.InvoiceFields;
import com.cpsync.outbound.domain.invoices.InvoiceMapping;
import com.cpsync.outbound.domain.jobs.JobChanges;
import com.cpsync.outbound.domain.jobs.JobFields;
import com.cpsync.outbound.domain.qbo.QboName;
import com.cpsync.outbound.domain.settings.OutboundSettings;
import com.cpsync.outbound.domain.settings.OutboundSettings.InvoiceLineMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QboJsonMapperTest {

    private static final Address MAIN_ST = new Address("1 Main St", "Suite 2", "Austin", "TX", "78701", "USA");
    private static final Project KITCHEN = new Project("p-1", "c-1", "Kitchen remodel", MAIN_ST);
    private static final Company ACME = new Company("c1", "Acme Renovations", "ap@acme.com", "555-0100",
            new Address("1 Main", null, "Austin", "TX", "78701", "US"));

    // ---- jobs

    @Test
    void shouldCreateAProjectAsASubCustomerBilledWithItsParent() {
        ObjectNode body = QboJsonMapper.toJson(new QboWrite.CreateJob(JobFields.of(KITCHEN), "58"));

        assertThat(body.toString()).isEqualTo("{\"DisplayName\":\"Kitchen remodel\",\"Job\":true,"
                + "\"ParentRef\":{\"value\":\"58\"},\"BillWithParent\":true,"
                + "\"BillAddr\":{\"Line1\":\"1 Main St\",\"Line2\":\"Suite 2\",\"City\":\"Austin\","
                + "\"CountrySubDivisionCode\":\"TX\",\"PostalCode\":\"78701\",\"Country\":\"USA\"},"
                + "\"ShipAddr\":{\"Line1\":\"1 Main St\",\"Line2\":\"Suite 2\",\"City\":\"Austin\","
                + "\"CountrySubDivisionCode\":\"TX\",\"PostalCode\":\"78701\",\"Country\":\"USA\"}}");
    }

    @Test
    void shouldCreateATicketJobWithoutAddressWhenItHasNone() {
        JobFields ticket = JobFields.of(new ServiceTicket("t-1", "c-1", "7", null, null));

        ObjectNode body = QboJsonMapper.toJson(new QboWrite.CreateJob(ticket, "58"));

        assertThat(body.path("DisplayName").asString()).isEqualTo("Ticket 7");
        assertThat(body.has("BillAddr")).isFalse();
        assertThat(body.has("ShipAddr")).isFalse();
    }

    @Test
    void shouldLeaveOutBlankAddressParts() {
        Address partial = new Address("9 Elm", " ", "Reno", null, "89501", null);

        ObjectNode body = QboJsonMapper.toJson(new QboWrite.CreateJob(
                JobFields.of(new Project("p-1", "c-1", "Shed", partial)), "58"));

        assertThat(body.path("BillAddr").toString())
                .isEqualTo("{\"Line1\":\"9 Elm\",\"City\":\"Reno\",\"PostalCode\":\"89501\"}");
    }

    @Test
    void shouldRefuseAJobWithoutParent() {
        assertThatThrownBy(() -> new QboWrite.CreateJob(JobFields.of(KITCHEN), " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSendOnlyTheChangedNameInASparseJobUpdate() {
        JobFields before = JobFields.of(KITCHEN);
        JobFields after = JobFields.of(new Project("p-1", "c-1", "Kitchen and bath", MAIN_ST));

        ObjectNode body = QboJsonMapper.toJson(
                new QboWrite.UpdateJob("77", "3", after, JobChanges.between(before, after)));

        assertThat(body.toString()).isEqualTo(
                "{\"Id\":\"77\",\"SyncToken\":\"3\",\"sparse\":true,\"DisplayName\":\"Kitchen and bath\"}");
    }

    @Test
    void shouldSendBothAddressesWhenTheJobAddressChanged() {
        JobFields before = JobFields.of(KITCHEN);
        Address moved = new Address("2 Oak Ave", null, "Dallas", "TX", "75201", "USA");
        JobFields after = JobFields.of(new Project("p-1", "c-1", "Kitchen remodel", moved));

        ObjectNode body = QboJsonMapper.toJson(
                new QboWrite.UpdateJob("77", "3", after, JobChanges.between(before, after)));

        assertThat(body.has("DisplayName")).isFalse();
        assertThat(body.path("BillAddr").path("Line1").asString()).isEqualTo("2 Oak Ave");
        assertThat(body.path("ShipAddr").path("City").asString()).isEqualTo("Dallas");
        assertThat(body.path("BillAddr").has("Line2")).isFalse();
    }

    @Test
    void shouldSendEveryJobFieldWhenOnlyTheNewStateIsKnown() {
        JobFields ticket = JobFields.of(new ServiceTicket("t-1", "c-1", "1042", "Boiler repair", MAIN_ST));

        ObjectNode body = QboJsonMapper.toJson(new QboWrite.UpdateJob("77", "3", ticket, JobChanges.all()));

        assertThat(body.path("DisplayName").asString()).isEqualTo("Ticket 1042 - Boiler repair");
        assertThat(body.has("BillAddr")).isTrue();
        assertThat(body.path("sparse").asBoolean()).isTrue();
    }

    @Test
    void shouldReadAJobBackAsTheDomainComparesIt() {
        JobFields current = JobFields.of(KITCHEN);
        ObjectNode qbo = QboJsonMapper.toJson(new QboWrite.CreateJob(current, "58")).put("Id", "77");

        assertThat(JobChanges.against(QboJsonMapper.toJobInQbo(qbo), current).isEmpty()).isTrue();

        qbo.put("DisplayName", "Old name");
        ((ObjectNode) qbo.get("ShipAddr")).put("City", "Houston");
        assertThat(JobChanges.against(QboJsonMapper.toJobInQbo(qbo), current)).isEqualTo(new JobChanges(true, true));
    }

    // ---- customers

    @Test
    void shouldCarryNameEmailPhoneAndBillingAddressOnACustomerCreate() {
        ObjectNode body = QboJsonMapper.toJson(new QboWrite.CreateCustomer(
                CustomerFields.of(ACME, "Acme Renovations (customer)")));

        assertThat(body.path("DisplayName").asString()).isEqualTo("Acme Renovations (customer)");
        assertThat(body.path("CompanyName").asString()).isEqualTo("Acme Renovations");
        assertThat(body.path("PrimaryEmailAddr").path("Address").asString()).isEqualTo("ap@acme.com");
        assertThat(body.path("PrimaryPhone").path("FreeFormNumber").asString()).isEqualTo("555-0100");
        assertThat(body.path("BillAddr").path("CountrySubDivisionCode").asString()).isEqualTo("TX");
        assertThat(body.path("BillAddr").has("Line2")).isFalse();
    }

    @Test
    void shouldSendOnlyTheChangedCustomerFieldsWithTheSyncToken() {
        Company moved = new Company("c1", "Acme Renovations", "ap@acme.com", "555-0100",
                new Address("9 Elm", null, "Austin", "TX", "78702", "US"));

        ObjectNode body = QboJsonMapper.toJson(new QboWrite.UpdateCustomer("58", "3", CustomerFields.of(moved),
                CustomerChanges.between(ACME, moved)));

        assertThat(body.path("sparse").asBoolean()).isTrue();
        assertThat(body.path("SyncToken").asString()).isEqualTo("3");
        assertThat(body.path("BillAddr").path("Line1").asString()).isEqualTo("9 Elm");
        assertThat(body.has("DisplayName")).isFalse();
        assertThat(body.has("PrimaryEmailAddr")).isFalse();
    }

    @Test
    void shouldRenameTheCustomerAndClearARemovedEmail() {
        Company renamed = new Company("c1", "Acme Builders", null, "555-0100", ACME.billingAddress());

        ObjectNode body = QboJsonMapper.toJson(new QboWrite.UpdateCustomer("58", "3", CustomerFields.of(renamed),
                CustomerChanges.between(ACME, renamed)));

        assertThat(body.path("DisplayName").asString()).isEqualTo("Acme Builders");
        assertThat(body.path("CompanyName").asString()).isEqualTo("Acme Builders");
        assertThat(body.path("PrimaryEmailAddr").path("Address").isNull()).isTrue();
        assertThat(body.has("PrimaryPhone")).isFalse();
    }

    @Test
    void shouldReactivateACustomerWithASparseUpdate() {
        ObjectNode body = QboJsonMapper.toJson(new QboWrite.ReactivateCustomer("58", "3"));

        assertThat(body.toString()).isEqualTo("{\"Id\":\"58\",\"SyncToken\":\"3\",\"sparse\":true,\"Active\":true}");
    }

    @Test
    void shouldReadVersionsAndNameListRecords() {
        ObjectNode vendor = JsonNodeFactory.instance.objectNode().put("Id", "56").put("SyncToken", "4")
                .put("DisplayName", "Roof Repair");

        assertThat(QboJsonMapper.toVersion(vendor)).isEqualTo(new Version("56", "4"));
        assertThat(QboJsonMapper.toName("Vendor", vendor))
                .isEqualTo(new QboName("Vendor", "56", "Roof Repair", true, false, "4"));
    }

    // ---- invoices: money as JSON numbers with the domain's scale

    @Test
    void shouldWriteASingleLineInvoiceWithItsAmountsToTheCent() {
        ObjectNode body = QboJsonMapper.toJson(new QboWrite.CreateInvoice(
                created(invoice("380", line("4h site work", "4", "95", "380")), InvoiceLineMode.SINGLE_LINE)));

        assertThat(body.toString()).isEqualTo("{\"CustomerRef\":{\"value\":\"58\"},\"DocNumber\":\"SI-1042\","
                + "\"TxnDate\":\"2026-11-20\",\"DueDate\":\"2026-12-20\","
                + "\"Line\":[{\"DetailType\":\"SalesItemLineDetail\",\"Amount\":380.00,"
                + "\"Description\":\"Service invoice SI-1042\",\"SalesItemLineDetail\":"
                + "{\"ItemRef\":{\"value\":\"1\"},\"Qty\":1,\"UnitPrice\":380.00}}]}");
    }

    @Test
    void shouldWriteEveryLineWithItsItemQtyAndUnitPrice() {
        InvoiceFields fields = created(invoice("470.50", line("4h site work", "4", "95", "380.00"),
                line("Valve", "1.5", "60.333", "90.50")), InvoiceLineMode.MULTI_LINE);

        JsonNode lines = QboJsonMapper.toJson(new QboWrite.CreateInvoice(fields)).path("Line");

        assertThat(lines.get(0).toString()).isEqualTo("{\"DetailType\":\"SalesItemLineDetail\",\"Amount\":380.00,"
                + "\"Description\":\"4h site work\",\"SalesItemLineDetail\":{\"ItemRef\":{\"value\":\"1\"},"
                + "\"Qty\":4,\"UnitPrice\":95.00}}");
        assertThat(lines.get(1).path("SalesItemLineDetail").path("Qty").toString()).isEqualTo("1.5");
        assertThat(lines.get(1).path("SalesItemLineDetail").path("UnitPrice").toString()).isEqualTo("60.333");
    }

    @Test
    void shouldLeaveOutAMissingDueDateAndDocNumber() {
        ServiceInvoice noDates = new ServiceInvoice("i-1", "c-1", "t-1", " ", LocalDate.of(2026, 11, 20), null,
                List.of(), new BigDecimal("10"));

        InvoiceFields fields = created(noDates, InvoiceLineMode.SINGLE_LINE);

        ObjectNode body = QboJsonMapper.toJson(new QboWrite.CreateInvoice(fields));

        assertThat(body.has("DueDate")).isFalse();
        assertThat(body.has("DocNumber")).isFalse();
        assertThat(body.path("TxnDate").asString()).isEqualTo("2026-11-20");
    }

    @Test
    void shouldSendOnlyTheChangedDatesInASparseInvoiceUpdate() {
        InvoiceFields changed = new InvoiceFields(null, null, LocalDate.of(2026, 11, 20), LocalDate.of(2027, 1, 15),
                null);

        ObjectNode body = QboJsonMapper.toJson(new QboWrite.UpdateInvoice("129", "2", changed));

        assertThat(body.toString()).isEqualTo("{\"Id\":\"129\",\"SyncToken\":\"2\",\"sparse\":true,"
                + "\"TxnDate\":\"2026-11-20\",\"DueDate\":\"2027-01-15\"}");
    }

    @Test
    void shouldSendTheWholeLineArrayWhenTheInvoiceAmountChanged() {
        ServiceInvoice before = invoice("380", line("Work", "4", "95", "380"));
        ServiceInvoice after = invoice("475", line("Work", "5", "95", "475"));
        InvoiceMapping update = InvoiceMapping.forUpdate(after, InvoiceChanges.between(before, after),
                settings(InvoiceLineMode.MULTI_LINE));

        ObjectNode body = QboJsonMapper.toJson(
                new QboWrite.UpdateInvoice("129", "2", ((InvoiceMapping.Mapped) update).fields()));

        assertThat(body.path("Id").asString()).isEqualTo("129");
        assertThat(body.path("sparse").asBoolean()).isTrue();
        assertThat(body.has("TxnDate")).isFalse();
        assertThat(body.has("CustomerRef")).isFalse();
        assertThat(body.path("Line")).hasSize(1);
        assertThat(body.path("Line").get(0).path("Amount").toString()).isEqualTo("475.00");
    }

    @Test
    void shouldReadAnInvoiceBackWithoutQbosSubTotalLine() {
        InvoiceFields sent = created(invoice("470.50", line("Work", "4", "95", "380"),
                line("Valve", "1", "90.5", "90.5")), InvoiceLineMode.MULTI_LINE);
        ObjectNode qbo = QboJsonMapper.toJson(new QboWrite.CreateInvoice(sent));
        qbo.withArray("Line").addObject().put("DetailType", "SubTotalLineDetail").put("Amount", 470.5);

        assertThat(QboJsonMapper.toInvoiceFields(qbo)).isEqualTo(sent);
    }

    private static InvoiceFields created(ServiceInvoice invoice, InvoiceLineMode mode) {
        return ((InvoiceMapping.Mapped) InvoiceMapping.forCreate(invoice, "58", settings(mode))).fields();
    }

    private static OutboundSettings settings(InvoiceLineMode mode) {
        OutboundSettings none = OutboundSettings.none();
        return new OutboundSettings(none.companiesToQbo(), none.projectsToQbo(), false, none.serviceTicketsToQbo(),
                false, none.serviceInvoicesToQbo(), true, mode, null, none.nameConflictPolicy(),
                none.nameConflictSuffix());
    }

    private static ServiceInvoice invoice(String total, InvoiceLine... lines) {
        return new ServiceInvoice("i-1", "c-1", "t-1", "SI-1042", LocalDate.of(2026, 11, 20),
                LocalDate.of(2026, 12, 20), List.of(lines), new BigDecimal(total));
    }

    private static InvoiceLine line(String description, String qty, String unitPrice, String amount) {
        return new InvoiceLine(description, new BigDecimal(qty), new BigDecimal(unitPrice), new BigDecimal(amount));
    }
}
