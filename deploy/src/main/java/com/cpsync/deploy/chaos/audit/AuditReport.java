package com.cpsync.deploy.chaos.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.cpsync.deploy.chaos.audit.Finding.Category;

/** The auditor's verdict: a table per entity, the findings behind its counts, and the one last line. */
public record AuditReport(int events, int tenants, int notPlayed, List<EntityRow> rows, List<Finding> findings) {

    /** {@code chaos: <n> events, <t> tenants: lost=<a> duplicated=<b> mismatched=<c>} */
    public static final Pattern FINAL_LINE =
            Pattern.compile("chaos: (\\d+) events, (\\d+) tenants: lost=(\\d+) duplicated=(\\d+) mismatched=(\\d+)");

    private static final String ROW = "%-16s %-32s %7s %8s %5s %6s %5s %10s %10s %10s";
    private static final int SHOWN_FINDINGS = 40;

    public int lost() {
        return findings.stream().filter(f -> f.category() == Category.LOST).mapToInt(Finding::count).sum();
    }

    public int duplicated() {
        return (int) findings.stream().filter(f -> f.category() == Category.DUPLICATED).count();
    }

    public int mismatched() {
        return (int) findings.stream().filter(f -> f.category() == Category.MISMATCHED).count();
    }

    public boolean clean() {
        return lost() == 0 && duplicated() == 0 && mismatched() == 0;
    }

    public String finalLine() {
        return "chaos: " + events + " events, " + tenants + " tenants: lost=" + lost() + " duplicated=" + duplicated()
                + " mismatched=" + mismatched();
    }

    /**
     * The table, the findings (each with what was going on when its steps were played) and, last, the
     * final line.
     *
     * @param inEffectAt the faults in effect when a step was played, by step and tenant
     */
    public List<String> render(BiFunction<Integer, String, List<String>> inEffectAt) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(ROW, "entity", "direction", "records", "expected", "ok", "failed", "lost", "duplicated",
                "mismatched", "no-outcome"));
        int[] total = new int[8];
        for (EntityRow row : rows) {
            int[] values = {row.records(), row.expected(), row.ok(), row.failed(), row.lost(), row.duplicated(), row.mismatched(),
                    row.noOutcome()};
            for (int i = 0; i < values.length; i++) {
                total[i] += values[i];
            }
            lines.add(row(row.entity().label(), row.entity().direction(), values));
        }
        lines.add(row("total", "", total));
        lines.add("(lost counts steps; the other columns count records; " + notPlayed + " step(s) could not be played and are "
                + "left out; no-outcome: events the settings take that got no outcome record, shown but not counted)");
        section(lines, "lost:", of(Category.LOST), inEffectAt);
        section(lines, "duplicated:", of(Category.DUPLICATED), inEffectAt);
        section(lines, "mismatched:", of(Category.MISMATCHED), inEffectAt);
        section(lines, "failed visibly (a FAILED or CONFLICT outcome says why; not counted):", of(Category.FAILED_VISIBLY),
                inEffectAt);
        lines.add(finalLine());
        return lines;
    }

    /** Reads a printed final line back (for the run's test): lost, duplicated, mismatched; or fails. */
    public static int[] parseFinalLine(String line) {
        Matcher matcher = FINAL_LINE.matcher(line);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a chaos final line: " + line);
        }
        return new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(4)), Integer.parseInt(matcher.group(5))};
    }

    private List<Finding> of(Category category) {
        return findings.stream().filter(f -> f.category() == category).toList();
    }

    private static void section(List<String> lines, String title, List<Finding> shown,
            BiFunction<Integer, String, List<String>> inEffectAt) {
        if (shown.isEmpty()) {
            return;
        }
        lines.add(title);
        shown.stream().limit(SHOWN_FINDINGS).forEach(f -> lines.add(describe(f, inEffectAt)));
        if (shown.size() > SHOWN_FINDINGS) {
            lines.add("  ... and " + (shown.size() - SHOWN_FINDINGS) + " more");
        }
    }

    private static String row(String entity, String direction, int[] v) {
        return String.format(ROW, entity, direction, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    private static String describe(Finding finding, BiFunction<Integer, String, List<String>> inEffectAt) {
        List<String> faults = finding.steps().isEmpty() ? List.of()
                : inEffectAt.apply(finding.steps().get(finding.steps().size() - 1), finding.tenantId());
        return "  " + (finding.count() > 1 ? "x" + finding.count() + " " : "")
                + finding.entity().label() + " " + finding.tenantId() + "/" + finding.recordId() + " (steps " + finding.steps()
                + "): " + finding.what() + (faults.isEmpty() ? "" : " | in effect: " + String.join("; ", faults));
    }
}
