package com.cpsync.outbound.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The truth table the project, ticket and invoice sync policies share, one dynamic test a row (every
 * create setting, trigger, sync state and changes flag). Never synced: the create setting alone decides,
 * whatever the changes flag. Already synced: the update trigger follows the changes flag, every other
 * trigger is a no-op. A test names the setting that never creates and the triggers each other create setting
 * creates on; the table follows.
 */
public final class SyncPolicyTable<C extends Enum<C>, T extends Enum<T>> {

    /** The kind of decision (CREATE, UPDATE, SKIP or ALREADY_SYNCED) the policy takes for one row. */
    public interface Policy<C, T> {
        String decide(C creation, T trigger, boolean synced, boolean sendChanges);
    }

    private final Class<C> creations;
    private final T updateTrigger;
    private final Map<C, Set<T>> creatingTriggers;

    private SyncPolicyTable(Class<C> creations, T updateTrigger) {
        this.creations = creations;
        this.updateTrigger = updateTrigger;
        this.creatingTriggers = new EnumMap<>(creations);
    }

    /** The table of a policy whose create setting {@code never} creates on no trigger. */
    public static <C extends Enum<C>, T extends Enum<T>> SyncPolicyTable<C, T> of(C never, T updateTrigger) {
        SyncPolicyTable<C, T> table = new SyncPolicyTable<>(never.getDeclaringClass(), updateTrigger);
        table.creatingTriggers.put(never, Set.of());
        return table;
    }

    @SafeVarargs
    public final SyncPolicyTable<C, T> creatingOn(C creation, T... triggers) {
        creatingTriggers.put(creation, Set.of(triggers));
        return this;
    }

    public Stream<DynamicTest> check(Policy<C, T> policy) {
        assertThat(creatingTriggers.keySet()).as("create settings in the table")
                .containsExactlyInAnyOrder(creations.getEnumConstants());
        List<Boolean> states = List.of(false, true);
        return creatingTriggers.keySet().stream().flatMap(creation -> triggers().flatMap(trigger -> states.stream()
                .flatMap(synced -> states.stream().map(sendChanges -> {
                    String expected = expected(creation, trigger, synced, sendChanges);
                    return DynamicTest.dynamicTest(creation + " + " + trigger + ", synced=" + synced
                                    + ", sendChanges=" + sendChanges + " -> " + expected,
                            () -> assertThat(policy.decide(creation, trigger, synced, sendChanges))
                                    .isEqualTo(expected));
                }))));
    }

    private Stream<T> triggers() {
        return Stream.of(updateTrigger.getDeclaringClass().getEnumConstants());
    }

    private String expected(C creation, T trigger, boolean synced, boolean sendChanges) {
        if (!synced) {
            return creatingTriggers.get(creation).contains(trigger) ? "CREATE" : "SKIP";
        }
        if (trigger != updateTrigger) {
            return "ALREADY_SYNCED";
        }
        return sendChanges ? "UPDATE" : "SKIP";
    }
}
