package com.cpsync.console.domain.reconciliation;

import java.util.List;

/** What the comparison found: how many records were checked, the months and every difference. */
public record Reconciled(int checked, List<MonthFigures> months, List<Difference> differences) {

    public Reconciled {
        months = List.copyOf(months);
        differences = List.copyOf(differences);
    }

    public int matched() {
        return checked - differences.size();
    }

    public int explained() {
        return (int) differences.stream().filter(d -> d.kind().explained()).count();
    }

    public int unexplained() {
        return differences.size() - explained();
    }
}
