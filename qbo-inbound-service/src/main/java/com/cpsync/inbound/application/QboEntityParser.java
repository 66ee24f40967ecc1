package com.cpsync.inbound.application;

import java.time.Instant;
import java.util.Optional;

import com.cpsync.inbound.domain.qbo.QboCustomer;
import com.cpsync.inbound.domain.qbo.QboInvoice;
import com.cpsync.inbound.domain.qbo.QboPayment;

/**
 * Reads QBO entity JSON (as read, queried or returned by CDC) into the views the decisions use. The JSON
 * travels through the use cases as an opaque string; only the adapter knows its shape.
 */
public interface QboEntityParser {

    QboCustomer customer(String entityJson);

    QboInvoice invoice(String entityJson);

    QboPayment payment(String entityJson);

    String syncToken(String entityJson);

    Optional<Instant> lastUpdated(String entityJson);
}
