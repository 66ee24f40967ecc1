package com.cpsync.syncsupport.budget;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.cpsync.qbo.client.CallPriority;
import com.cpsync.qbo.client.RealmBudget;
import com.cpsync.qbo.client.RealmBusyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FallbackRealmBudgetTest {

    private final List<String> inJvmCalls = new ArrayList<>();
    private final RealmBudget inJvm = new RealmBudget() {
        @Override
        public Permit acquire(String realmId, CallPriority priority, boolean batch) {
            inJvmCalls.add("acquire " + realmId);
            return () -> { };
        }

        @Override
        public void onThrottled(String realmId) {
            inJvmCalls.add("throttled " + realmId);
        }
    };

    @Test
    void shouldTakeFromTheSharedBudgetWhileItAnswers() {
        List<String> sharedCalls = new ArrayList<>();
        RealmBudget shared = (realmId, priority, batch) -> {
            sharedCalls.add(realmId + " " + priority);
            return () -> { };
        };

        new FallbackRealmBudget(shared, inJvm, Clock.systemUTC()).acquire("r1", CallPriority.BACKLOG, false);

        assertThat(sharedCalls).containsExactly("r1 BACKLOG");
        assertThat(inJvmCalls).isEmpty();
    }

    @Test
    void shouldPassOnTheSharedBudgetsRefusal() {
        RealmBudget shared = (realmId, priority, batch) -> {
            throw new RealmBusyException(realmId, Duration.ofMillis(125), "shared request budget");
        };

        assertThatThrownBy(() -> new FallbackRealmBudget(shared, inJvm, Clock.systemUTC())
                .acquire("r1", CallPriority.LIVE, false)).isInstanceOf(RealmBusyException.class);
        assertThat(inJvmCalls).isEmpty();
    }

    @Test
    void shouldUseThisJvmsLimiterWhileTheDatabaseDoesNotAnswer() {
        RealmBudget shared = new RealmBudget() {
            @Override
            public Permit acquire(String realmId, CallPriority priority, boolean batch) {
                throw new IllegalStateException("connection refused");
            }

            @Override
            public void onThrottled(String realmId) {
                throw new IllegalStateException("connection refused");
            }
        };
        FallbackRealmBudget budget = new FallbackRealmBudget(shared, inJvm, Clock.systemUTC());

        budget.acquire("r1", CallPriority.LIVE, false);
        budget.onThrottled("r1");

        assertThat(inJvmCalls).containsExactly("acquire r1", "throttled r1");
    }
}
