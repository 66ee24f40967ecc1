package com.cpsync.deploy.bench;

import java.util.Arrays;
import java.util.List;

/** Reads Kafka's {@code ConsumerPerformance} report: a header line of column names, then one line of values. */
final class ConsumerPerformanceOutput {

    private static final String FETCH_RATE = "fetch.nMsg.sec";

    private ConsumerPerformanceOutput() {
    }

    /**
     * The records a second while fetching ({@code fetch.nMsg.sec}: the group's join is not counted, as the services'
     * settle rate is measured from the first outcome on).
     */
    static double fetchRate(String output) {
        List<String> lines = output.lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            List<String> columns = columns(lines.get(i));
            int column = columns.indexOf(FETCH_RATE);
            if (column >= 0) {
                List<String> values = columns(lines.get(i + 1));
                if (values.size() == columns.size()) {
                    return Double.parseDouble(values.get(column));
                }
            }
        }
        throw new IllegalArgumentException("no " + FETCH_RATE + " in ConsumerPerformance's output: " + output);
    }

    private static List<String> columns(String line) {
        return Arrays.stream(line.split(",")).map(String::trim).toList();
    }
}
