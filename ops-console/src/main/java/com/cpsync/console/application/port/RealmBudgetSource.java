package com.cpsync.console.application.port;

import com.cpsync.console.domain.tenant.RealmBudget;

/** The sync services' shared QBO budget of a realm, read without taking from it; throws when it cannot be read. */
public interface RealmBudgetSource {

    RealmBudgetSource NOT_SHARED = realmId -> RealmBudget.notShared();

    RealmBudget of(String realmId);
}
