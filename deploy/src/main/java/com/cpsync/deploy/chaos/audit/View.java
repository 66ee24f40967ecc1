package com.cpsync.deploy.chaos.audit;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The fields of a record the auditor compares, as text. A field whose name starts with {@code @} is a
 * link: an expected view holds the record it must point to ({@code "COMPANY/co-c0001"}), an observed
 * view the id it points to, and the auditor checks that id is a copy of that record.
 */
public record View(Map<String, String> fields) {

    public View {
        fields = Collections.unmodifiableMap(new TreeMap<>(fields));
    }

    public static View of(String... keysAndValues) {
        Map<String, String> fields = new TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new View(fields);
    }

    public static boolean isLink(String field) {
        return field.startsWith("@");
    }

    public static String ref(AuditedEntity entity, String recordId) {
        return entity.name() + "/" + recordId;
    }

    /** Money compared by value: 380.00, 380.0 and 380 are the same amount. */
    public static String money(BigDecimal amount) {
        if (amount == null) {
            return "none";
        }
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }

    public static String amounts(List<BigDecimal> amounts) {
        return amounts.stream().map(View::money).collect(Collectors.joining("|"));
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
