package com.cpsync.outbound.domain.jobs;

import com.cpsync.outbound.domain.centerpoint.Project;
import com.cpsync.outbound.domain.centerpoint.ServiceTicket;

/**
 * QBO DisplayNames for jobs. QBO names may not contain ':' (it separates levels in
 * FullyQualifiedName), tab or newline, and are at most 500 characters.
 */
public final class JobNames {

    public static final int MAX_LENGTH = 500;

    private JobNames() {
    }

    /** The project's name; "Project &lt;id&gt;" when it has none. */
    public static String forProject(Project project) {
        String name = sanitize(project.name());
        return name.isEmpty() ? sanitize("Project " + project.id()) : name;
    }

    /** "Ticket &lt;number&gt; - &lt;summary&gt;", or "Ticket &lt;number&gt;" without a summary. */
    public static String forTicket(ServiceTicket ticket) {
        String number = sanitize(ticket.number());
        String label = "Ticket " + (number.isEmpty() ? sanitize(ticket.id()) : number);
        String summary = sanitize(ticket.summary());
        return sanitize(summary.isEmpty() ? label : label + " - " + summary);
    }

    /** ':' becomes '-', control characters become spaces, whitespace collapses, cut to 500 chars. */
    public static String sanitize(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().forEach(cp -> out.appendCodePoint(cleanCodePoint(cp)));
        String collapsed = out.toString().replaceAll("\\s+", " ").trim();
        return cut(collapsed, MAX_LENGTH);
    }

    /** The name with a suffix (e.g. " (2)") appended, the name cut so the whole stays within 500 chars. */
    public static String withSuffix(String name, String suffix) {
        String cleanSuffix = suffix == null ? "" : suffix.replace(':', '-').replaceAll("[\\t\\r\\n]", " ");
        String base = cut(sanitize(name), Math.max(0, MAX_LENGTH - cleanSuffix.length()));
        return sanitize(base + cleanSuffix);
    }

    private static int cleanCodePoint(int cp) {
        if (cp == ':') {
            return '-';
        }
        return Character.isISOControl(cp) ? ' ' : cp;
    }

    private static String cut(String text, int maxLength) {
        if (text.length() <= maxLength) {
            return text;
        }
        // never split a surrogate pair
        int end = Character.isHighSurrogate(text.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        return text.substring(0, end).trim();
    }
}
