package com.cpsync.inbound.adapter.in.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import com.cpsync.inbound.application.ChangesNotStoredException;
import com.cpsync.inbound.application.ReceiveWebhook;
import com.cpsync.inbound.application.ReceiveWebhook.Receipt;
import com.cpsync.inbound.domain.webhook.MalformedWebhookException;

/**
 * {@code POST /webhooks/quickbooks}. Reads the raw bytes itself (any content type: Intuit may send
 * {@code application/cloudevents+json}), because the signature covers exactly those bytes. Answers 401 for
 * a bad signature, 413 for a body over the limit, 400 for a body that holds no events, 503 when the broker
 * did not take the changes, and 200 otherwise, listing the events that were left out.
 */
public class QuickBooksWebhookHandler {

    public static final String PATH = "/webhooks/quickbooks";

    private static final Logger log = LoggerFactory.getLogger(QuickBooksWebhookHandler.class);

    private static final Duration ACK_DEADLINE = Duration.ofMillis(2_500);

    private final ReceiveWebhook receiveWebhook;
    private final int maxBytes;

    /** @param maxBytes larger bodies get 413 */
    public QuickBooksWebhookHandler(ReceiveWebhook receiveWebhook, int maxBytes) {
        this.receiveWebhook = receiveWebhook;
        this.maxBytes = maxBytes;
    }

    public Mono<ServerResponse> receive(ServerRequest request) {
        if (request.headers().contentLength().orElse(0) > maxBytes) {
            return tooLarge();
        }
        String signature = request.headers().firstHeader("intuit-signature");
        return DataBufferUtils.join(request.bodyToFlux(DataBuffer.class), maxBytes)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> Mono.fromFuture(() -> receiveWebhook.receive(body, signature)))
                // Intuit gives up after 3 s: answer before that; a late send that still lands is a duplicate
                .timeout(ACK_DEADLINE)
                .flatMap(QuickBooksWebhookHandler::answer)
                .onErrorResume(DataBufferLimitException.class, ex -> tooLarge())
                .onErrorResume(MalformedWebhookException.class, ex -> error(HttpStatus.BAD_REQUEST,
                        "malformed_webhook", ex.getMessage()))
                .onErrorResume(QuickBooksWebhookHandler::notStored, ex -> {
                    // not durable, so not 200: Intuit retries the delivery
                    log.warn("webhook could not be published to Kafka: {}", ex.toString());
                    return error(HttpStatus.SERVICE_UNAVAILABLE, "not_published",
                            "changes could not be stored; retry later");
                });
    }

    /** Only the broker failing (or not answering in time) makes a delivery fail; no input does. */
    private static boolean notStored(Throwable failure) {
        return failure instanceof ChangesNotStoredException || failure instanceof TimeoutException;
    }

    private static Mono<ServerResponse> answer(Receipt receipt) {
        if (receipt instanceof Receipt.Accepted accepted) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("accepted", accepted.changes());
            if (!accepted.rejected().isEmpty()) {
                body.put("rejected", accepted.rejected().stream().map(event -> Map.of("at", event.at(),
                        "reason", event.reason().tag(), "detail", event.detail())).toList());
            }
            return ServerResponse.ok().bodyValue(body);
        }
        return error(HttpStatus.UNAUTHORIZED, "invalid_signature", "intuit-signature is missing or does not match");
    }

    private Mono<ServerResponse> tooLarge() {
        return error(HttpStatus.CONTENT_TOO_LARGE, "body_too_large", "webhook body exceeds " + maxBytes + " bytes");
    }

    private static Mono<ServerResponse> error(HttpStatus status, String code, String message) {
        return ServerResponse.status(status).bodyValue(Map.of("error", code, "message", message));
    }
}
