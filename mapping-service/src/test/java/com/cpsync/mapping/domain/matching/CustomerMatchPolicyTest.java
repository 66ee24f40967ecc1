package com.cpsync.mapping.domain.matching;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.cpsync.mapping.domain.matching.NameConflictPolicy.HOLD;
import static com.cpsync.mapping.domain.matching.NameConflictPolicy.SUFFIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class CustomerMatchPolicyTest {

    private static final String SUFFIX_TEXT = " (customer)";

    static Candidate customer(String id, String name) {
        return new Candidate(CandidateType.Customer, id, name, true, false);
    }

    static Candidate inactiveCustomer(String id, String name) {
        return new Candidate(CandidateType.Customer, id, name, false, false);
    }

    static Candidate job(String id, String name) {
        return new Candidate(CandidateType.Customer, id, name, true, true);
    }

    static Candidate vendor(String id, String name) {
        return new Candidate(CandidateType.Vendor, id, name, true, false);
    }

    static Candidate employee(String id, String name) {
        return new Candidate(CandidateType.Employee, id, name, true, false);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("no candidates creates with the trimmed name",
                        "  Acme  ", HOLD, List.of(), new MatchDecision.Create("Acme")),
                arguments("one customer with the same name is linked",
                        "Acme", HOLD, List.of(customer("58", "Acme")), new MatchDecision.Link("58")),
                arguments("case and spaces do not matter",
                        " ACME   corp ", SUFFIX, List.of(customer("58", "acme corp")), new MatchDecision.Link("58")),
                arguments("an inactive customer is linked too (caller reactivates)",
                        "Acme", HOLD, List.of(inactiveCustomer("7", "Acme")), new MatchDecision.Link("7")),
                arguments("a customer match wins over a vendor with the same name",
                        "Acme", HOLD, List.of(vendor("12", "Acme"), customer("58", "Acme")),
                        new MatchDecision.Link("58")),
                arguments("two customers with the same name are ambiguous",
                        "Acme", SUFFIX, List.of(customer("58", "Acme"), inactiveCustomer("59", "acme")),
                        new MatchDecision.Conflict("ambiguous: 2 QBO customers are named 'Acme' (ids 58, 59)")),
                arguments("a candidate with another name is ignored",
                        "Acme", HOLD, List.of(customer("3", "Acme Ltd")), new MatchDecision.Create("Acme")),
                arguments("HOLD parks a vendor clash as a conflict naming the vendor",
                        "Acme", HOLD, List.of(vendor("12", "Acme")),
                        new MatchDecision.Conflict("QBO Vendor 12 'Acme' already uses the name")),
                arguments("HOLD parks an employee clash as a conflict naming the employee",
                        "Jo Smith", HOLD, List.of(employee("4", "jo smith")),
                        new MatchDecision.Conflict("QBO Employee 4 'jo smith' already uses the name")),
                arguments("SUFFIX creates the suffixed name when a vendor holds the name",
                        "Acme", SUFFIX, List.of(vendor("12", "Acme")), new MatchDecision.Create("Acme (customer)")),
                arguments("SUFFIX creates the suffixed name when an employee holds the name",
                        "Jo Smith", SUFFIX, List.of(employee("4", "Jo Smith")),
                        new MatchDecision.Create("Jo Smith (customer)")),
                arguments("SUFFIX links the customer that already has the suffixed name",
                        "Acme", SUFFIX, List.of(vendor("12", "Acme"), customer("90", "ACME (Customer)")),
                        new MatchDecision.Link("90")),
                arguments("SUFFIX with the suffixed name held by a vendor is a conflict",
                        "Acme", SUFFIX, List.of(vendor("12", "Acme"), vendor("13", "Acme (customer)")),
                        new MatchDecision.Conflict("QBO Vendor 12 'Acme' already uses the name, and "
                                + "QBO Vendor 13 'Acme (customer)' already uses the suffixed name")),
                arguments("SUFFIX with two customers on the suffixed name is ambiguous",
                        "Acme", SUFFIX,
                        List.of(employee("4", "Acme"), customer("90", "Acme (customer)"), customer("91", "acme (customer)")),
                        new MatchDecision.Conflict("ambiguous: 2 QBO customers are named 'Acme (customer)' (ids 90, 91)")),
                arguments("a sub-customer holding the name blocks it like a vendor (HOLD)",
                        "Acme", HOLD, List.of(job("33", "Acme")),
                        new MatchDecision.Conflict("QBO Customer (sub-customer) 33 'Acme' already uses the name")),
                arguments("a sub-customer holding the name gets the suffix (SUFFIX)",
                        "Acme", SUFFIX, List.of(job("33", "Acme")), new MatchDecision.Create("Acme (customer)")),
                arguments("QBO-forbidden characters are replaced on create",
                        "Acme:West\tBranch\nNorth", HOLD, List.of(), new MatchDecision.Create("Acme-West Branch North"))
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldDecide(String description, String displayName, NameConflictPolicy policy, List<Candidate> candidates,
                      MatchDecision expected) {
        assertThat(CustomerMatchPolicy.decide(displayName, policy, SUFFIX_TEXT, candidates)).isEqualTo(expected);
    }

    @Test
    void shouldCapCreatedNamesAt500CharactersKeepingTheSuffix() {
        String longName = "A".repeat(600);

        MatchDecision plain = CustomerMatchPolicy.decide(longName, SUFFIX, SUFFIX_TEXT, List.of());
        MatchDecision suffixed = CustomerMatchPolicy.decide(longName, SUFFIX, SUFFIX_TEXT,
                List.of(vendor("1", longName.substring(0, 500))));

        assertThat(((MatchDecision.Create) plain).displayName()).hasSize(500);
        assertThat(((MatchDecision.Create) suffixed).displayName()).hasSize(500).endsWith(" (customer)");
    }

    @Test
    void shouldRejectABlankDisplayName() {
        assertThatThrownBy(() -> CustomerMatchPolicy.decide("  \t ", HOLD, SUFFIX_TEXT, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
