package com.cpsync.outbound.domain.jobs;

import java.util.List;
import java.util.stream.Collectors;

import com.cpsync.outbound.domain.qbo.QboName;
import com.cpsync.outbound.domain.settings.OutboundSettings.NameConflictPolicy;
import com.cpsync.qbo.client.names.DisplayNames;

/**
 * The name-conflict policy for jobs, as for customers (DESIGN.md §4): Customer, Vendor and Employee
 * share one name space, so a project or ticket can find its name taken. SUFFIX adds the tenant's
 * suffix; HOLD parks the job as a visible CONFLICT instead of renaming it.
 */
public final class JobNameClashPolicy {

    private JobNameClashPolicy() {
    }

    /**
     * The sub-customers among {@code found} that are this very job: under the same parent customer and
     * with the same name (case and spacing aside). QBO's 6240 on such a name means an earlier attempt
     * created the job and its reply was lost (requestid replay is not reliable, facts §11.2): link it,
     * never suffix it or hold it. The caller drops those linked to another project or ticket.
     */
    public static List<QboName> sameJobUnder(String parentCustomerId, String displayName, List<QboName> found) {
        String key = DisplayNames.normalise(displayName);
        return found.stream().filter(n -> n.job() && parentCustomerId.equals(n.parentId())
                && DisplayNames.normalise(n.displayName()).equals(key)).toList();
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
            return new JobNameClashDecision.CreateSuffixed(DisplayNames.withSuffix(displayName, suffix));
        }
        String key = DisplayNames.normalise(displayName);
        List<QboName> holders = found.stream().filter(n -> DisplayNames.normalise(n.displayName()).equals(key))
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
