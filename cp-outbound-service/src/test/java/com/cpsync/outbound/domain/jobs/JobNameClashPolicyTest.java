package com.cpsync.outbound.domain.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.cpsync.outbound.domain.qbo.QboName;
import com.cpsync.outbound.domain.settings.OutboundSettings.NameConflictPolicy;
import com.cpsync.qbo.client.names.DisplayNames;

class JobNameClashPolicyTest {

    private static final String SUFFIX = " (customer)";
    private static final QboName VENDOR = new QboName("Vendor", "56", "Roof Repair", true, false, "0");
    private static final QboName EMPLOYEE = new QboName("Employee", "9", "roof  REPAIR", false, false, "2");
    private static final QboName CUSTOMER = new QboName("Customer", "12", "Roof Repair", true, false, "0");
    private static final QboName SUB_CUSTOMER = new QboName("Customer", "13", "Roof Repair", true, true, "0");
    private static final QboName LONGER_NAME = new QboName("Vendor", "57", "Roof Repair Supplies", true, false, "0");

    private static final JobNameClashDecision SUFFIXED = new JobNameClashDecision.CreateSuffixed(
            "Roof Repair (customer)");
    private static final JobNameClashDecision TAKEN = new JobNameClashDecision.Hold(
            "the name 'Roof Repair' of project p1 is taken in QBO (6240); held (nameConflictPolicy HOLD)");

    /** policy × what the name lookup found → the decision. */
    static Stream<Arguments> truthTable() {
        return Stream.of(
                Arguments.of(NameConflictPolicy.SUFFIX, List.of(), SUFFIXED),
                Arguments.of(NameConflictPolicy.SUFFIX, List.of(VENDOR), SUFFIXED),
                Arguments.of(NameConflictPolicy.SUFFIX, List.of(EMPLOYEE, CUSTOMER), SUFFIXED),
                Arguments.of(NameConflictPolicy.HOLD, List.of(VENDOR),
                        heldBy("QBO Vendor 56 'Roof Repair' already uses")),
                Arguments.of(NameConflictPolicy.HOLD, List.of(EMPLOYEE),
                        heldBy("QBO Employee 9 'roof  REPAIR' already uses")),
                Arguments.of(NameConflictPolicy.HOLD, List.of(CUSTOMER),
                        heldBy("QBO Customer 12 'Roof Repair' already uses")),
                Arguments.of(NameConflictPolicy.HOLD, List.of(SUB_CUSTOMER),
                        heldBy("QBO Customer (sub-customer) 13 'Roof Repair' already uses")),
                Arguments.of(NameConflictPolicy.HOLD, List.of(VENDOR, EMPLOYEE),
                        heldBy("QBO Vendor 56 'Roof Repair', QBO Employee 9 'roof  REPAIR' already use")),
                Arguments.of(NameConflictPolicy.HOLD, List.of(LONGER_NAME, VENDOR),
                        heldBy("QBO Vendor 56 'Roof Repair' already uses")),
                Arguments.of(NameConflictPolicy.HOLD, List.of(LONGER_NAME), TAKEN),
                Arguments.of(NameConflictPolicy.HOLD, List.of(), TAKEN));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("truthTable")
    void shouldSuffixOrHoldAJobWhoseNameIsTakenByThePolicy(NameConflictPolicy policy, List<QboName> found,
            JobNameClashDecision expected) {
        assertThat(JobNameClashPolicy.decide(policy, SUFFIX, "project p1", "Roof Repair", found)).isEqualTo(expected);
    }

    @Test
    void shouldKeepASuffixedNameWithinQbosLength() {
        String longName = "R".repeat(DisplayNames.MAX_LENGTH);

        JobNameClashDecision decision = JobNameClashPolicy.decide(NameConflictPolicy.SUFFIX, SUFFIX,
                "service ticket t1", longName, List.of());

        String suffixed = ((JobNameClashDecision.CreateSuffixed) decision).displayName();
        assertThat(suffixed).hasSize(DisplayNames.MAX_LENGTH).endsWith(SUFFIX);
    }

    @Test
    void shouldRecogniseThisJobUnderItsParentAsItsOwn() {
        QboName ours = new QboName("Customer", "20", "roof  repair", true, true, "0", "5");
        QboName otherParent = new QboName("Customer", "21", "Roof Repair", true, true, "0", "6");
        QboName longer = new QboName("Customer", "22", "Roof Repair (customer)", true, true, "0", "5");

        assertThat(JobNameClashPolicy.sameJobUnder("5", "Roof Repair",
                List.of(VENDOR, CUSTOMER, SUB_CUSTOMER, ours, otherParent, longer))).containsExactly(ours);
    }

    private static JobNameClashDecision heldBy(String holders) {
        return new JobNameClashDecision.Hold(holders + " the name of project p1; held (nameConflictPolicy HOLD)");
    }
}
