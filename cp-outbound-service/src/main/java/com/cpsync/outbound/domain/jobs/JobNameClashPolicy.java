package com.cpsync.outbound.domain.jobs;

import java.util.List;
import java.util.stream.Collectors;

import com.cpsync.outbound.domain.companies.CustomerNames;
import com.cpsync.outbound.domain.qbo.QboName;
import com.cpsync.outbound.domain.settings.OutboundSettings.NameConflictPolicy;

/**
 * The name-conflict policy for jobs, as for customers (DESIGN.md §4): Customer, Vendor and Employee
 * share one name space, so a project or ticket can find its name taken. SUFFIX adds the tenant's
 * suffix; HOLD parks the job as a visible CONFLICT instead of renaming it.
 */
public final class JobNameClashPolicy {

    private JobNameClashPolicy() {
    }

    /**
     * @param job         how the reason names the job, e.g. "project p1"
     * @param displayName the name QBO refused
     * @param found       what a name lookup found (a LIKE query, so also longer names); only records
     *                    whose name is the job's, case and spacing aside, count as holders
     */
    public static JobNameClashDecision decide(NameConflictPolicy policy, String suffix, String job,
            String displayName, List<QboName> found) {
        if (policy == NameConflictPolicy.SUFFIX) {
            return new JobNameClashDecision.CreateSuffixed(JobNames.withSuffix(displayName, suffix));
        }
        String key = CustomerNames.normalise(displayName);
        List<QboName> holders = found.stream().filter(n -> CustomerNames.normalise(n.displayName()).equals(key))
                .toList();
        String held = "; held (nameConflictPolicy HOLD)";
        if (holders.isEmpty()) {
            return new JobNameClashDecision.Hold("the name '" + displayName + "' of " + job
                    + " is taken in QBO (6240)" + held);
        }
        String names = holders.stream().map(QboName::describe).collect(Collectors.joining(", "));
        return new JobNameClashDecision.Hold(names + (holders.size() == 1 ? " already uses" : " already use")
                + " the name of " + job + held);
    }
}
