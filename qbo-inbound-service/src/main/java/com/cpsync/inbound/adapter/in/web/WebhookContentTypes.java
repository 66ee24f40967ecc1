package com.cpsync.inbound.adapter.in.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import com.cpsync.inbound.domain.webhook.QuotedWord;

/**
 * Which request headers the webhook ingress reads a body under. Intuit posts legacy notifications as
 * {@code application/json} and CloudEvents as {@code application/cloudevents+json} (its sample warns about
 * the latter); {@code application/cloudevents-batch+json} is the CloudEvents spec's own name for a JSON
 * array of events. JSON is UTF-8 (RFC 8259), so another charset is refused rather than misread, and so is a
 * compressed body: Intuit is not known to compress, the signature's bytes would be ambiguous, and
 * inflating a small body into a large one is an attack of its own.
 */
final class WebhookContentTypes {

    static final List<MediaType> ACCEPTED = List.of(MediaType.APPLICATION_JSON,
            MediaType.parseMediaType("application/cloudevents+json"),
            MediaType.parseMediaType("application/cloudevents-batch+json"));

    private static final Set<String> IDENTITY = Set.of("", "identity");
    private static final int QUOTED_MAX = 60;

    private WebhookContentTypes() {
    }

    /** Why a body under these headers is not read (415), or empty when it is. */
    static Optional<String> refusal(String contentType, List<String> contentEncodings) {
        if (contentType == null || contentType.isBlank()) {
            return Optional.of("no Content-Type; send one of " + ACCEPTED);
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        }
        catch (InvalidMediaTypeException unreadable) {
            return Optional.of("unreadable Content-Type " + quoted(contentType));
        }
        if (ACCEPTED.stream().noneMatch(accepted -> accepted.equalsTypeAndSubtype(type))) {
            return Optional.of("Content-Type " + quoted(type.getType() + "/" + type.getSubtype())
                    + " is not one of " + ACCEPTED);
        }
        String charset = type.getParameter("charset");
        if (charset != null && !unquoted(charset).equalsIgnoreCase("utf-8")) {
            return Optional.of("charset " + quoted(charset) + " is not UTF-8");
        }
        for (String encoding : contentEncodings) {
            if (!IDENTITY.contains(encoding.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of("Content-Encoding " + quoted(encoding) + " is not supported; send the body uncompressed");
            }
        }
        return Optional.empty();
    }

    private static String unquoted(String value) {
        return value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** A header value is the caller's text: short and printable, so the answer and the log stay clean. */
    static String quoted(String value) {
        return QuotedWord.of(value, QUOTED_MAX);
    }
}
