package com.cpsync.outbound.it;

import java.time.LocalDate;
import java.util.List;

import com.cpsync.schemas.avro.Address;
import com.cpsync.schemas.avro.Company;
import com.cpsync.schemas.avro.InvoiceLine;
import com.cpsync.schemas.avro.ServiceInvoice;

/** Centerpoint entities as the ITs publish them. */
final class ItFixtures {

    static final Address MAIN_ST = new Address("1 Main St", null, "Austin", "TX", "78701", "US");

    private ItFixtures() {
    }

    static Company company(String id, String name) {
        return new Company(id, name, "ap@" + id + ".example", "555-0100", MAIN_ST);
    }

    /** One line of 4 × 95.00; total 380.00. */
    static ServiceInvoice invoice(String id, String companyId, String ticketId, String number) {
        return new ServiceInvoice(id, companyId, ticketId, number, LocalDate.of(2026, 11, 20),
                LocalDate.of(2026, 12, 20), List.of(new InvoiceLine("4h site work", "4", "95.00", "380.00")), "380.00");
    }

    /** Invoice i1 of company c1 with two lines whose amounts are Qty × UnitPrice to the cent; total 479.99. */
    static ServiceInvoice twoLineInvoice(String number) {
        return new ServiceInvoice("i1", "c1", "t9", number, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 20),
                List.of(new InvoiceLine("4h site work", "4", "95.00", "380.00"),
                        new InvoiceLine("parts", "3", "33.33", "99.99")), "479.99");
    }
}
