package com.cpsync.mapping.domain.matching;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Match-before-create for a Centerpoint company (DESIGN.md §5): link an exact customer match, create
 * otherwise, and never guess when the name is ambiguous or held by a vendor or employee under HOLD.
 */
public final class CustomerMatchPolicy {

    private CustomerMatchPolicy() {
    }

    public static MatchDecision decide(String displayName, NameConflictPolicy policy, String suffix,
                                       List<Candidate> candidates) {
        if (displayName == null || CustomerNames.sanitise(displayName).isEmpty()) {
            throw new IllegalArgumentException("displayName must not be blank");
        }
        Step plain = decideFor(CustomerNames.forCreate(displayName, ""), candidates);
        if (!(plain instanceof Blocked blocked)) {
            return ((Decided) plain).decision();
        }
        if (policy == NameConflictPolicy.HOLD) {
            return new MatchDecision.Conflict(blocked.reason());
        }
        String suffixed = CustomerNames.forCreate(displayName, suffix);
        Step withSuffix = decideFor(suffixed, candidates);
        if (withSuffix instanceof Blocked suffixBlocked) {
            return new MatchDecision.Conflict(blocked.reason() + ", and " + suffixBlocked.reason()
                    .replace("already uses the name", "already uses the suffixed name"));
        }
        return ((Decided) withSuffix).decision();
    }

    private static Step decideFor(String name, List<Candidate> candidates) {
        String key = CustomerNames.normalise(name);
        List<Candidate> same = candidates.stream()
                .filter(c -> CustomerNames.normalise(c.displayName()).equals(key))
                .toList();
        List<Candidate> customers = same.stream().filter(Candidate::isLinkableCustomer).toList();
        if (customers.size() > 1) {
            return new Decided(new MatchDecision.Conflict("ambiguous: " + customers.size()
                    + " QBO customers are named '" + name + "' (ids "
                    + customers.stream().map(Candidate::id).collect(Collectors.joining(", ")) + ")"));
        }
        if (customers.size() == 1) {
            return new Decided(new MatchDecision.Link(customers.get(0).id()));
        }
        if (!same.isEmpty()) {
            return new Blocked(same.get(0).describe() + " already uses the name");
        }
        return new Decided(new MatchDecision.Create(name));
    }

    /** One name looked at: free, linked or ambiguous ({@link Decided}), or held by a non-customer ({@link Blocked}). */
    private sealed interface Step permits Decided, Blocked {
    }

    private record Decided(MatchDecision decision) implements Step {
    }

    private record Blocked(String reason) implements Step {
    }
}
