package com.cpsync.outbound.application.port;

import com.cpsync.outbound.domain.companies.CustomerChanges;
import com.cpsync.outbound.domain.companies.CustomerFields;
import com.cpsync.outbound.domain.invoices.InvoiceFields;
import com.cpsync.outbound.domain.jobs.JobChanges;
import com.cpsync.outbound.domain.jobs.JobFields;

/**
 * One QBO write in domain terms; the QBO adapter turns it into the entity's JSON. Updates are sparse
 * and carry the SyncToken they were based on.
 */
public sealed interface QboWrite {

    String CUSTOMER = "Customer";
    String INVOICE = "Invoice";

    /** The QBO entity written: {@link #CUSTOMER} (companies and jobs) or {@link #INVOICE}. */
    String entity();

    record CreateCustomer(CustomerFields customer) implements QboWrite {
        @Override
        public String entity() {
            return CUSTOMER;
        }
    }

    record UpdateCustomer(String qboId, String syncToken, CustomerFields current, CustomerChanges changes)
            implements QboWrite {
        @Override
        public String entity() {
            return CUSTOMER;
        }
    }

    /** Makes an inactive customer found by matching active again. */
    record ReactivateCustomer(String qboId, String syncToken) implements QboWrite {
        @Override
        public String entity() {
            return CUSTOMER;
        }
    }

    /** A sub-customer of the company's customer, billed with it. */
    record CreateJob(JobFields job, String parentCustomerId) implements QboWrite {
        public CreateJob {
            if (parentCustomerId == null || parentCustomerId.isBlank()) {
                throw new IllegalArgumentException("a job needs its parent customer's QBO id");
            }
        }

        @Override
        public String entity() {
            return CUSTOMER;
        }
    }

    record UpdateJob(String qboId, String syncToken, JobFields current, JobChanges changes) implements QboWrite {
        @Override
        public String entity() {
            return CUSTOMER;
        }
    }

    record CreateInvoice(InvoiceFields invoice) implements QboWrite {
        @Override
        public String entity() {
            return INVOICE;
        }
    }

    /** Sends the non-null fields of {@code changed}. */
    record UpdateInvoice(String qboId, String syncToken, InvoiceFields changed) implements QboWrite {
        @Override
        public String entity() {
            return INVOICE;
        }
    }
}
