package com.cpsync.deploy.chaos.audit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.cpsync.deploy.chaos.audit.Finding.Category;
import com.cpsync.deploy.chaos.workload.TenantPlan;
import com.cpsync.deploy.chaos.workload.Workload;

/**
 * Compares what Centerpoint sent (the played workload), what QBO holds and what Centerpoint received,
 * record by record, and counts (issue 8):
 * <ul>
 * <li><b>lost</b>: a step the settings take whose effect is missing (no copy, or a copy still in an
 * earlier state) and that no FAILED or CONFLICT outcome explains;</li>
 * <li><b>duplicated</b>: a record with two copies or more (two QBO entities, two Centerpoint companies,
 * two applied commands saying the same thing), or a copy the settings do not call for;</li>
 * <li><b>mismatched</b>: a record whose one copy is in no state the record ever had (names, amounts,
 * lines, or a link pointing elsewhere).</li>
 * </ul>
 * A copy is found by the record's token, not through the service's own links, so copies no link knows
 * of are counted too.
 */
public final class Auditor {

    private final Workload workload;
    private final QboSnapshot qbo;
    private final CenterpointSnapshot centerpoint;
    private final List<ExpectedRecord> expected;
    private final Map<ExpectedRecord, List<Copy>> copies = new LinkedHashMap<>();
    private final Map<String, Set<String>> targetIds = new HashMap<>();
    private final Map<String, Finding> duplicates = new LinkedHashMap<>();
    private final List<Finding> findings = new ArrayList<>();

    /** A copy of a record: the id it has there and its fields as the auditor compares them. */
    record Copy(String id, View view) {
    }

    private enum Status { OK, FAILED, LOST, DUPLICATED, MISMATCHED }

    private Auditor(Workload workload, List<PlayedStep> played, QboSnapshot qbo, CenterpointSnapshot centerpoint) {
        this.workload = workload;
        this.qbo = qbo;
        this.centerpoint = centerpoint;
        this.expected = Expectations.of(workload, played);
    }

    public static AuditReport audit(Workload workload, List<PlayedStep> played, QboSnapshot qbo, CenterpointSnapshot centerpoint) {
        Auditor auditor = new Auditor(workload, played, qbo, centerpoint);
        int events = (int) played.stream().filter(PlayedStep::played).count();
        return new AuditReport(events, workload.tenants().size(), (int) played.stream().filter(p -> !p.played()).count(),
                auditor.rows(), List.copyOf(auditor.findings));
    }

    private List<EntityRow> rows() {
        expected.forEach(record -> copies.put(record, CopyLocator.locate(record, realmOf(record), qbo, centerpoint)));
        copies.forEach((record, found) -> targetIds.put(key(record.tenantId(), View.ref(record.entity(), record.recordId())),
                record.qboId() != null && !record.entity().fromCenterpoint()
                        ? Set.of(record.qboId()) : found.stream().map(Copy::id).collect(Collectors.toSet())));
        new ExtraCopies(workload, expected, copies, qbo, centerpoint).find().forEach(this::duplicate);
        Map<AuditedEntity, int[]> counts = new EnumMap<>(AuditedEntity.class);
        for (AuditedEntity entity : AuditedEntity.values()) {
            counts.put(entity, new int[8]);
        }
        for (ExpectedRecord record : expected) {
            int[] row = counts.get(record.entity());
            row[0]++;
            if (record.finalState() != null) {
                row[1]++;
            }
            Status status = judge(record);
            row[2 + status.ordinal()]++;
            row[7] += withoutOutcome(record);
        }
        findings.addAll(duplicates.values());
        List<EntityRow> rows = new ArrayList<>();
        counts.forEach((entity, c) -> rows.add(new EntityRow(entity, c[0], c[1], c[2], c[3],
                sum(entity, Category.LOST), count(entity, Category.DUPLICATED), count(entity, Category.MISMATCHED), c[7])));
        return rows;
    }

    private Status judge(ExpectedRecord record) {
        if (duplicates.containsKey(key(record))) {
            return Status.DUPLICATED;
        }
        List<Copy> found = copies.get(record);
        if (found.size() > 1) {
            duplicate(new Finding(Category.DUPLICATED, record.entity(), record.tenantId(), record.recordId(), 1,
                    found.size() + " copies: " + found.stream().map(c -> c.id() + " " + c.view()).toList(), takenSteps(record)));
            return Status.DUPLICATED;
        }
        View observed = found.isEmpty() ? null : found.get(0).view();
        if (observed != null && !record.everTaken()) {
            duplicate(new Finding(Category.DUPLICATED, record.entity(), record.tenantId(), record.recordId(), 1,
                    "copy " + found.get(0).id() + " " + observed + " although the settings take none of its steps",
                    indexes(record.steps())));
            return Status.DUPLICATED;
        }
        int matching = lastMatchingState(record, observed);
        if (matching < 0) {
            findings.add(new Finding(Category.MISMATCHED, record.entity(), record.tenantId(), record.recordId(), 1,
                    "expected " + record.finalState() + " but " + found.get(0).id() + " is " + observed, takenSteps(record)));
            return Status.MISMATCHED;
        }
        List<ExpectedStep> missing = record.steps().subList(matching, record.steps().size()).stream()
                .filter(ExpectedStep::taken).toList();
        if (missing.isEmpty()) {
            return Status.OK;
        }
        List<ExpectedStep> unexplained = missing.stream().filter(step -> !explained(record, step)).toList();
        if (unexplained.isEmpty()) {
            findings.add(new Finding(Category.FAILED_VISIBLY, record.entity(), record.tenantId(), record.recordId(), missing.size(),
                    (observed == null ? "no copy" : "copy " + found.get(0).id() + " still " + observed) + "; outcomes: "
                            + outcomesOf(record, missing), indexes(missing)));
            return Status.FAILED;
        }
        findings.add(new Finding(Category.LOST, record.entity(), record.tenantId(), record.recordId(), unexplained.size(),
                (observed == null ? "no copy" : "copy " + found.get(0).id() + " still " + observed) + ", expected "
                        + record.finalState() + "; outcomes of the missing steps: " + outcomesOf(record, unexplained),
                indexes(unexplained)));
        return Status.LOST;
    }

    /** The number of steps after which the observed copy is right (0: before any), or -1 when it never was. */
    private int lastMatchingState(ExpectedRecord record, View observed) {
        for (int i = record.steps().size(); i > 0; i--) {
            if (same(record.tenantId(), record.steps().get(i - 1).stateAfter(), observed)) {
                return i;
            }
        }
        return observed == null ? 0 : -1;
    }

    private boolean same(String tenantId, View expectedView, View observed) {
        if (expectedView == null || observed == null) {
            return expectedView == observed;
        }
        if (!expectedView.fields().keySet().equals(observed.fields().keySet())) {
            return false;
        }
        return expectedView.fields().entrySet().stream().allMatch(field -> View.isLink(field.getKey())
                ? targetIds.getOrDefault(key(tenantId, field.getValue()), Set.of()).contains(observed.fields().get(field.getKey()))
                : field.getValue().equals(observed.fields().get(field.getKey())));
    }

    /**
     * A FAILED or CONFLICT outcome of the step's event (Centerpoint; whichever record of the event it
     * names: a project that fails because its company was refused explains the missing company), or
     * of the QBO entity (QBO changes). The issue counts an event with a final outcome as not lost.
     */
    private boolean explained(ExpectedRecord record, ExpectedStep step) {
        return outcomes(record.tenantId()).stream().filter(CenterpointSnapshot.Outcome::isVisibleFailure)
                .anyMatch(o -> record.entity().fromCenterpoint()
                        ? step.eventId() != null && step.eventId().equals(o.causationId())
                        : isAbout(o, record));
    }

    private String outcomesOf(ExpectedRecord record, List<ExpectedStep> steps) {
        if (!record.entity().fromCenterpoint()) {
            List<String> seen = outcomes(record.tenantId()).stream().filter(o -> isAbout(o, record))
                    .map(o -> o.result() + (o.reason() == null ? "" : " (" + o.reason() + ")")).toList();
            return seen.isEmpty() ? "none" : seen.toString();
        }
        Set<String> events = steps.stream().map(ExpectedStep::eventId).collect(Collectors.toSet());
        List<String> seen = outcomes(record.tenantId()).stream().filter(o -> events.contains(o.causationId()))
                .map(o -> (record.recordId().equals(o.centerpointId()) ? "" : o.entityType() + " " + o.centerpointId() + ": ")
                        + o.result() + (o.reason() == null ? "" : " (" + o.reason() + ")"))
                .toList();
        return seen.isEmpty() ? "none" : seen.toString();
    }

    /** An outcome about a record made in QBO: same direction, entity and QBO id (ids repeat across entities). */
    private static boolean isAbout(CenterpointSnapshot.Outcome outcome, ExpectedRecord record) {
        return "FROM_QBO".equals(outcome.direction()) && record.entity().outcomeEntityType().equals(outcome.entityType())
                && record.qboId() != null && record.qboId().equals(outcome.qboId());
    }

    private int withoutOutcome(ExpectedRecord record) {
        if (!record.entity().fromCenterpoint()) {
            return 0;
        }
        Set<String> answered = outcomes(record.tenantId()).stream().map(CenterpointSnapshot.Outcome::causationId)
                .collect(Collectors.toCollection(HashSet::new));
        return (int) record.steps().stream().filter(s -> s.taken() && !answered.contains(s.eventId())).count();
    }

    private void duplicate(Finding finding) {
        String key = key(finding.tenantId(), View.ref(finding.entity(), finding.recordId()));
        Finding known = duplicates.get(key);
        duplicates.put(key, known == null ? finding : new Finding(Category.DUPLICATED, finding.entity(), finding.tenantId(),
                finding.recordId(), 1, known.what() + "; " + finding.what(), known.steps()));
    }

    private List<CenterpointSnapshot.Outcome> outcomes(String tenantId) {
        return centerpoint.tenant(tenantId).outcomes();
    }

    private String realmOf(ExpectedRecord record) {
        return workload.tenants().stream().filter(t -> t.tenantId().equals(record.tenantId())).map(TenantPlan::realmId)
                .findFirst().orElseThrow();
    }

    private int sum(AuditedEntity entity, Category category) {
        return findings.stream().filter(f -> f.entity() == entity && f.category() == category).mapToInt(Finding::count).sum();
    }

    private int count(AuditedEntity entity, Category category) {
        return (int) findings.stream().filter(f -> f.entity() == entity && f.category() == category).count();
    }

    private static String key(ExpectedRecord record) {
        return key(record.tenantId(), View.ref(record.entity(), record.recordId()));
    }

    static String key(String tenantId, String ref) {
        return tenantId + "|" + ref;
    }

    private static List<Integer> takenSteps(ExpectedRecord record) {
        return indexes(record.steps().stream().filter(ExpectedStep::taken).toList());
    }

    private static List<Integer> indexes(List<ExpectedStep> steps) {
        return steps.stream().map(ExpectedStep::stepIndex).toList();
    }
}
