package com.cpsync.deploy.chaos;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ReconciliationsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shouldAddUpTheTenantsReportsAndNameEachUnexplainedDifference() {
        Map<String, JsonNode> reports = new LinkedHashMap<>();
        reports.put("t1", report("DONE", 10, 8, 1, 1, 4, """
                [{"entity":"SERVICE_INVOICE","centerpointId":"si-1","qboId":"7","kind":"FAILED","reason":"lines"},
                 {"entity":"COMPANY","centerpointId":"co-2","qboId":"9","kind":"CHANGED_IN_QBO","reason":"name"}]"""));
        reports.put("t2", report("DONE", 5, 5, 0, 0, 3, "[]"));

        Reconciliations sums = Reconciliations.of(reports);

        assertThat(sums.checked()).isEqualTo(15);
        assertThat(sums.unexplained()).isEqualTo(1);
        assertThat(sums.qboReads()).isEqualTo(7);
        assertThat(sums.byKind()).containsOnly(Map.entry("CHANGED_IN_QBO", 1L), Map.entry("FAILED", 1L));
        assertThat(sums.unexplainedDifferences()).singleElement().asString()
                .isEqualTo("t1 COMPANY co-2/9 CHANGED_IN_QBO: name");
        assertThat(sums.clean()).isFalse();
        assertThat(Reconciliations.unexplainedIn(sums.lines())).isEqualTo(1);
    }

    @Test
    void shouldNotCallARoundCleanWhenATenantsReconciliationDidNotFinish() {
        Map<String, JsonNode> reports = new LinkedHashMap<>();
        reports.put("t1", report("DONE", 3, 3, 0, 0, 3, "[]"));
        reports.put("t2", report("RUNNING", 0, 0, 0, 0, 0, "[]"));

        Reconciliations sums = Reconciliations.of(reports);

        assertThat(sums.unexplained()).isZero();
        assertThat(sums.clean()).isFalse();
        assertThat(sums.lines()).anyMatch(line -> line.equals("reconciliation not done: t2 RUNNING"));
        assertThat(Reconciliations.unexplainedIn(sums.lines())).isEqualTo(-1);
    }

    @Test
    void shouldReadNoUnexplainedCountFromAnOutputWithoutAReconciliationLine() {
        assertThat(Reconciliations.unexplainedIn(List.of("chaos: 10 events, 1 tenants: lost=0 duplicated=0 mismatched=0")))
                .isEqualTo(-1);
    }

    private static JsonNode report(String status, long checked, long matched, long explained, long unexplained,
            long reads, String differences) {
        return JSON.readTree("{\"status\":\"" + status + "\",\"summary\":{\"checked\":" + checked + ",\"matched\":"
                + matched + ",\"explained\":" + explained + ",\"unexplained\":" + unexplained + ",\"qboReads\":" + reads
                + "},\"differences\":" + differences + "}");
    }
}
