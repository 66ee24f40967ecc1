package com.cpsync.outbound.domain.invoices;

import java.util.List;

import com.cpsync.outbound.domain.jobs.RequiredParent;

/** What to do in QBO with a service invoice for one event. */
public sealed interface InvoiceDecision {

    /** QBO records to bring along first, in order; empty when nothing is written. */
    default List<RequiredParent> requiredParents() {
        return List.of();
    }

    /** Create the invoice billed to {@code billTo}, after ensuring the parents. */
    record Create(BillTo billTo, List<RequiredParent> requiredParents) implements InvoiceDecision {
        public Create {
            requiredParents = List.copyOf(requiredParents);
        }
    }

    /** Send a sparse update of the changed dates and lines; CustomerRef is left as it is. */
    record Update() implements InvoiceDecision {
    }

    /** The tenant's settings say no: SKIPPED_BY_SETTINGS with this reason. */
    record Skip(String reason) implements InvoiceDecision {
    }

    /** Already in QBO and this event asks for nothing more (action NONE). */
    record AlreadySynced(String reason) implements InvoiceDecision {
    }
}
