package com.cpsync.console.application.port;

import com.cpsync.console.domain.reconciliation.BooksEntity;
import com.cpsync.console.domain.reconciliation.QboRecord;

/**
 * Announces a QBO entity on {@code qbo.changes.v1} as the CDC poller would (key realm, source CDC, the entity's
 * JSON carried so qbo-inbound-service spends no read), so the inbound side takes it through its normal path.
 */
public interface QboChangeAnnouncer {

    /**
     * @param entity the entity as queried; null when QBO no longer has it (announced as a DELETE of {@code qboId})
     * @return the change id announced; throws when the broker did not take it
     */
    String announce(String realmId, QboRecord entity, BooksEntity kind, String qboId, String causationId);
}
