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

    static MatchDecision link(String qboId) {
        return new MatchDecision.Link(qboId);
    }

    static MatchDecision create(String displayName) {
        return new MatchDecision.Create(displayName);
    }

    static MatchDecision conflict(String reason) {
        return new MatchDecision.Conflict(reason);
    }

    /** One row of the truth table: the company's name and the tenant's policy, the decision, then what QBO holds. */
    static Arguments row(String description, String displayName, NameConflictPolicy policy, MatchDecision expected,
                         Candidate... candidates) {
        return arguments(description, displayName, policy, List.of(candidates), expected);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                row("no candidates creates with the trimmed name", "  Acme  ", HOLD, create("Acme")),
                row("one customer with the same name is linked", "Acme", HOLD, link("58"), customer("58", "Acme")),
                row("case and spaces do not matter", " ACME   corp ", SUFFIX, link("58"), customer("58", "acme corp")),
                row("an inactive customer is linked too (caller reactivates)", "Acme", HOLD, link("7"),
                        inactiveCustomer("7", "Acme")),
                row("a customer match wins over a vendor with the same name", "Acme", HOLD, link("58"),
                        vendor("12", "Acme"), customer("58", "Acme")),
                row("two customers with the same name are ambiguous", "Acme", SUFFIX,
                        conflict("ambiguous: 2 QBO customers are named 'Acme' (ids 58, 59)"),
                        customer("58", "Acme"), inactiveCustomer("59", "acme")),
                row("a candidate with another name is ignored", "Acme", HOLD, create("Acme"),
                        customer("3", "Acme Ltd")),
                row("HOLD parks a vendor clash as a conflict naming the vendor", "Acme", HOLD,
                        conflict("QBO Vendor 12 'Acme' already uses the name"), vendor("12", "Acme")),
                row("HOLD parks an employee clash as a conflict naming the employee", "Jo Smith", HOLD,
                        conflict("QBO Employee 4 'jo smith' already uses the name"), employee("4", "jo smith")),
                row("SUFFIX creates the suffixed name when a vendor holds the name", "Acme", SUFFIX,
                        create("Acme (customer)"), vendor("12", "Acme")),
                row("SUFFIX creates the suffixed name when an employee holds the name", "Jo Smith", SUFFIX,
                        create("Jo Smith (customer)"), employee("4", "Jo Smith")),
                row("SUFFIX links the customer that already has the suffixed name", "Acme", SUFFIX, link("90"),
                        vendor("12", "Acme"), customer("90", "ACME (Customer)")),
                row("SUFFIX with the suffixed name held by a vendor is a conflict", "Acme", SUFFIX,
                        conflict("QBO Vendor 12 'Acme' already uses the name, and "
                                + "QBO Vendor 13 'Acme (customer)' already uses the suffixed name"),
                        vendor("12", "Acme"), vendor("13", "Acme (customer)")),
                row("SUFFIX with two customers on the suffixed name is ambiguous", "Acme", SUFFIX,
                        conflict("ambiguous: 2 QBO customers are named 'Acme (customer)' (ids 90, 91)"),
                        employee("4", "Acme"), customer("90", "Acme (customer)"), customer("91", "acme (customer)")),
                row("a sub-customer holding the name blocks it like a vendor (HOLD)", "Acme", HOLD,
                        conflict("QBO Customer (sub-customer) 33 'Acme' already uses the name"), job("33", "Acme")),
                row("a sub-customer holding the name gets the suffix (SUFFIX)", "Acme", SUFFIX,
                        create("Acme (customer)"), job("33", "Acme")),
                row("QBO-forbidden characters are replaced on create", "Acme:West\tBranch\nNorth", HOLD,
                        create("Acme-West Branch North"))
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
