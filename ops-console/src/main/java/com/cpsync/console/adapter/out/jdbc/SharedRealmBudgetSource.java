package com.cpsync.console.adapter.out.jdbc;

import com.cpsync.console.application.port.RealmBudgetSource;
import com.cpsync.console.domain.tenant.RealmBudget;
import com.cpsync.syncsupport.budget.RealmBudgetView;
import com.cpsync.syncsupport.budget.SharedRealmBudget;

/** The sync services' shared QBO budget (sync-support's, in its own PostgreSQL table), read without taking from it. */
public record SharedRealmBudgetSource(SharedRealmBudget budget) implements RealmBudgetSource {

    @Override
    public RealmBudget of(String realmId) {
        return budget.view(realmId).map(SharedRealmBudgetSource::toDomain).orElseGet(RealmBudget::notShared);
    }

    private static RealmBudget toDomain(RealmBudgetView view) {
        return RealmBudget.shared(view.perMinute(), view.qboPerMinute(), view.minuteTokensNow(), view.minuteBurst(),
                view.used());
    }
}
