package com.cpsync.deploy.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One benchmark figure beside its anchor, measured in the same run: {@code ratio = value / anchor}. An anchor that
 * could not be measured leaves the ratio out and says why in {@code note}.
 *
 * @param id     {@code P1} … {@code P6}
 * @param value  the figure in {@code unit}
 * @param anchor what the value is compared with, in the same unit; NaN when there is none
 * @param note   how it was measured, and anything that qualifies it
 */
public record Figure(String id, String name, double value, String unit, double anchor, String anchorName,
        String note) {

    public double ratio() {
        return Double.isNaN(anchor) || anchor == 0 ? Double.NaN : value / anchor;
    }

    /** {@code P<n> <name>: <value> (<ratio> of anchor)}, the line issue 10 asks for. */
    public String line() {
        String ratio = Double.isNaN(ratio()) ? "no anchor: " + anchorName
                : String.format(Locale.ROOT, ratio() >= 0.1 ? "%.2f of %s %s" : "%.2g of %s %s", ratio(),
                        number(anchor), anchorName);
        return String.format(Locale.ROOT, "%s %s: %s %s (%s)", id, name, number(value), unit, ratio);
    }

    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("name", name);
        json.put("value", finite(value));
        json.put("unit", unit);
        json.put("anchor", finite(anchor));
        json.put("anchorName", anchorName);
        json.put("ratio", finite(ratio()));
        json.put("note", note);
        return json;
    }

    private static Object finite(double number) {
        return Double.isFinite(number) ? number : null;
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
