package com.cpsync.inbound.adapter.in.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import com.cpsync.inbound.application.ChangesNotStoredException;
import com.cpsync.inbound.application.ReceiveWebhook;
import com.cpsync.inbound.application.ReceiveWebhook.Receipt;
import com.cpsync.inbound.domain.webhook.MalformedWebhookException;

/**
 * {@code POST /webhooks/quickbooks}. Reads the raw bytes itself, because the signature covers exactly those
 * bytes. Answers 415 for a content type it does not read and 413 for a body over the limit (both before
 * reading the body), 401 for a bad signature, 400 for a body that holds no events, 503 when the broker did
 * not take the changes within the deadline, and 200 otherwise, listing the events that were left out. Each
 * refusal is counted and logged by {@link WebhookRefusals}.
 *
 * @param maxBytes        larger bodies get 413
 * @param publishDeadline how long verifying, parsing and publishing may take before the answer is 503
 */
public record QuickBooksWebhookHandler(ReceiveWebhook receiveWebhook, WebhookRefusals refusals, int maxBytes,
        Duration publishDeadline) {

    public static final String PATH = "/webhooks/quickbooks";

    public Mono<ServerResponse> receive(ServerRequest request) {
        HttpHeaders headers = request.headers().asHttpHeaders();
        Optional<String> unsupported = WebhookContentTypes.refusal(headers.getFirst(HttpHeaders.CONTENT_TYPE),
                headers.getOrEmpty(HttpHeaders.CONTENT_ENCODING));
        if (unsupported.isPresent()) {
            return refuse(WebhookRefusal.UNSUPPORTED_MEDIA_TYPE, unsupported.get());
        }
        if (headers.getContentLength() > maxBytes) {
            return tooLarge("Content-Length " + headers.getContentLength());
        }
        String signature = headers.getFirst("intuit-signature");
        return DataBufferUtils.join(request.bodyToFlux(DataBuffer.class), maxBytes)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> verifyParseAndPublish(body, signature))
                .flatMap(this::answer)
                .onErrorResume(DataBufferLimitException.class, ex -> tooLarge("the body read so far"))
                .onErrorResume(MalformedWebhookException.class, ex -> refuse(WebhookRefusal.MALFORMED_WEBHOOK,
                        "the signed body holds no events", ex.getMessage()))
                .onErrorResume(QuickBooksWebhookHandler::notStored, ex -> refuse(WebhookRefusal.NOT_PUBLISHED,
                        // not durable, so not 200: Intuit retries the delivery
                        ex.toString(), "changes could not be stored; retry later"));
    }

    /**
     * Off the event loop: a Kafka send blocks its caller while the broker is unknown (up to the producer's
     * {@code max.block.ms}), and a blocked event loop could not even send the 503. Intuit gives up after
     * 3 s, so the deadline answers before that; a late send that still lands is a duplicate, deduplicated
     * downstream by its change id.
     */
    private Mono<Receipt> verifyParseAndPublish(byte[] body, String signature) {
        return Mono.defer(() -> Mono.fromFuture(receiveWebhook.receive(body, signature)))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(publishDeadline);
    }
    /** Only the broker failing (or not answering in time) makes a delivery fail; no input does. */
    private static boolean notStored(Throwable failure) {
        return failure instanceof ChangesNotStoredException || failure instanceof TimeoutException;
    }

    private Mono<ServerResponse> answer(Receipt receipt) {
        if (receipt instanceof Receipt.Accepted accepted) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("accepted", accepted.changes());
            if (!accepted.rejected().isEmpty()) {
                body.put("rejected", accepted.rejected().stream().map(event -> Map.of("at", event.at(),
                        "reason", event.reason().tag(), "detail", event.detail())).toList());
            }
            return ServerResponse.ok().bodyValue(body);
        }
        return refuse(WebhookRefusal.INVALID_SIGNATURE, "intuit-signature is missing or does not match");
    }

    private Mono<ServerResponse> tooLarge(String what) {
        return refuse(WebhookRefusal.BODY_TOO_LARGE, what + " exceeds " + maxBytes + " bytes",
                "webhook body exceeds " + maxBytes + " bytes");
    }

    private Mono<ServerResponse> refuse(WebhookRefusal reason, String message) {
        return refuse(reason, message, message);
    }

    /** @param logged what the log line says; {@code answered} may quote the caller's own body back to it */
    private Mono<ServerResponse> refuse(WebhookRefusal reason, String logged, String answered) {
        refusals.refused(reason, logged);
        return ServerResponse.status(reason.status()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("error", reason.tag(), "message", answered));
    }
}
