package com.cpsync.deploy.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Every tenant's reconciliation after the run (issue 12): the summaries added up, the differences by kind, and
 * each difference no recorded outcome explains (the run is clean only when there are none).
 */
public record Reconciliations(int tenants, long checked, long matched, long explained, long unexplained,
        long qboReads, Map<String, Long> byKind, List<String> unexplainedDifferences, List<String> notDone) {

    /** The closing line's shape; group 1 is the count of unexplained differences. */
    public static final Pattern LINE = Pattern.compile("reconciliation: \\d+ tenants, .* unexplained=(\\d+) .*");

    /** The kinds an outcome or the settings explain (docs/reconciliation.md); every other kind is unexplained. */
    private static final List<String> EXPLAINED_KINDS =
            List.of("NOT_SYNCED_BY_SETTINGS", "HELD_CONFLICT", "FAILED", "IN_FLIGHT");

    /** @param reports tenant → its reconciliation as the console's API answers it */
    public static Reconciliations of(Map<String, JsonNode> reports) {
        long checked = 0;
        long matched = 0;
        long explained = 0;
        long unexplained = 0;
        long reads = 0;
        Map<String, Long> byKind = new TreeMap<>();
        List<String> unexplainedDifferences = new ArrayList<>();
        List<String> notDone = new ArrayList<>();
        for (Map.Entry<String, JsonNode> tenant : reports.entrySet()) {
            JsonNode report = tenant.getValue();
            if (!"DONE".equals(report.path("status").asString())) {
                notDone.add(tenant.getKey() + " " + report.path("status").asString("no answer")
                        + (report.path("failure").isString() ? ": " + report.path("failure").asString() : ""));
                continue;
            }
            JsonNode summary = report.path("summary");
            checked += summary.path("checked").asLong();
            matched += summary.path("matched").asLong();
            explained += summary.path("explained").asLong();
            unexplained += summary.path("unexplained").asLong();
            reads += summary.path("qboReads").asLong();
            for (JsonNode difference : report.path("differences")) {
                String kind = difference.path("kind").asString();
                byKind.merge(kind, 1L, Long::sum);
                if (!EXPLAINED_KINDS.contains(kind)) {
                    unexplainedDifferences.add(tenant.getKey() + " " + difference.path("entity").asString() + " "
                            + difference.path("centerpointId").asString("-") + "/" + difference.path("qboId").asString("-")
                            + " " + kind + ": " + difference.path("reason").asString(""));
                }
            }
        }
        return new Reconciliations(reports.size(), checked, matched, explained, unexplained, reads, byKind,
                unexplainedDifferences, notDone);
    }

    /** The unexplained count of a run's output, or -1 when it has no reconciliation line (or one not done). */
    public static long unexplainedIn(List<String> lines) {
        if (lines.stream().anyMatch(line -> line.startsWith("reconciliation not done"))) {
            return -1;
        }
        return lines.stream().map(LINE::matcher).filter(Matcher::matches)
                .mapToLong(m -> Long.parseLong(m.group(1))).findFirst().orElse(-1);
    }

    public boolean clean() {
        return unexplained == 0 && notDone.isEmpty();
    }

    /** The run's closing lines: the differences no outcome explains, then the sums. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        if (!unexplainedDifferences.isEmpty()) {
            lines.add("unexplained differences:");
            unexplainedDifferences.forEach(difference -> lines.add("  " + difference));
        }
        notDone.forEach(tenant -> lines.add("reconciliation not done: " + tenant));
        lines.add(String.format("reconciliation: %d tenants, checked=%d matched=%d explained=%d unexplained=%d "
                + "qboReads=%d; differences by kind %s", tenants, checked, matched, explained, unexplained, qboReads,
                byKind));
        return lines;
    }
}
