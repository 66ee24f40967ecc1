package com.cpsync.deploy.logscan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets in log lines: exact values (a token the test saw, the client secret, the verifier token) and shapes
 * (every token the sandbox issues, an Authorization header's credential). A finding shows the line with the secret
 * masked, so the failure message does not leak it a second time.
 */
public final class LogSecretScan {

    /** What the QBO sandbox issues (OAuthTokens): access "eyJ" + 64, refresh "RT1-" + 43 Base64url characters. */
    static final Pattern SANDBOX_ACCESS_TOKEN = Pattern.compile("eyJ[A-Za-z0-9_-]{40,}");
    static final Pattern SANDBOX_REFRESH_TOKEN = Pattern.compile("RT1-[A-Za-z0-9_-]{20,}");
    /** A credential after the scheme, as an Authorization header (or a dump of one) carries it. */
    static final Pattern AUTHORIZATION_CREDENTIAL =
            Pattern.compile("(?i)\\b(?:Bearer|Basic)\\s+[A-Za-z0-9._~+/-]{16,}=*");
    static final Pattern AUTHORIZATION_HEADER =
            Pattern.compile("(?i)authorization[\"'\\]]?\\s*[:=]\\s*\\[?[\"']?(?:Bearer|Basic)\\s+\\S+");

    public record Finding(String source, int lineNumber, String kind, String maskedLine) {
        @Override
        public String toString() {
            return source + ":" + lineNumber + " " + kind + ": " + maskedLine;
        }
    }

    private final Map<String, String> exactValues = new LinkedHashMap<>();
    private final Map<String, Pattern> shapes = new LinkedHashMap<>();

    /** Adds an exact secret value; blank values are ignored (they would match every line). */
    public LogSecretScan secret(String kind, String value) {
        if (value != null && !value.isBlank()) {
            exactValues.put(value, kind);
        }
        return this;
    }

    LogSecretScan shape(String kind, Pattern pattern) {
        shapes.put(kind, pattern);
        return this;
    }

    public static LogSecretScan withTokenAndHeaderShapes() {
        return new LogSecretScan().shape("sandbox access token", SANDBOX_ACCESS_TOKEN)
                .shape("sandbox refresh token", SANDBOX_REFRESH_TOKEN)
                .shape("Authorization header", AUTHORIZATION_HEADER)
                .shape("Bearer/Basic credential", AUTHORIZATION_CREDENTIAL);
    }

    public List<Finding> scan(String source, List<String> lines) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            List<String> kinds = new ArrayList<>();
            String masked = line;
            for (Map.Entry<String, String> secret : exactValues.entrySet()) {
                if (line.contains(secret.getKey())) {
                    kinds.add(secret.getValue());
                    masked = masked.replace(secret.getKey(), "<" + secret.getValue() + ">");
                }
            }
            for (Map.Entry<String, Pattern> shape : shapes.entrySet()) {
                Matcher matcher = shape.getValue().matcher(masked);
                if (matcher.find()) {
                    kinds.add(shape.getKey());
                    masked = matcher.replaceAll("<" + shape.getKey() + ">");
                }
            }
            if (!kinds.isEmpty()) {
                findings.add(new Finding(source, i + 1, String.join(", ", kinds), masked));
            }
        }
        return findings;
    }
}
