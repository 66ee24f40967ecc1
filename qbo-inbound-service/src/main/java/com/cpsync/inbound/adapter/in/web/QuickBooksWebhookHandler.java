package com.cpsync.inbound.adapter.in.web;

import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.cpsync.inbound.application.ReceiveWebhook;
import com.cpsync.inbound.application.ReceiveWebhook.Receipt;
import com.cpsync.inbound.config.WebhookProperties;
import com.cpsync.inbound.domain.webhook.MalformedWebhookException;

/**
 * {@code POST /webhooks/quickbooks}. Reads the raw bytes itself (any content type: Intuit may send
 * {@code application/cloudevents+json}), because the signature covers exactly those bytes.
 */
@RestController
public class QuickBooksWebhookHandler {

    private static final Logger log = LoggerFactory.getLogger(QuickBooksWebhookHandler.class);

    private static final Duration ACK_DEADLINE = Duration.ofMillis(2_500);

    private final ReceiveWebhook receiveWebhook;
    private final int maxBytes;

    public QuickBooksWebhookHandler(ReceiveWebhook receiveWebhook, WebhookProperties properties) {
        this.receiveWebhook = receiveWebhook;
        this.maxBytes = (int) properties.maxBodySize().toBytes();
    }

    @PostMapping("/webhooks/quickbooks")
    public Mono<ResponseEntity<Map<String, Object>>> receive(
            @RequestHeader(name = "intuit-signature", required = false) String signature,
            ServerHttpRequest request) {
        if (request.getHeaders().getContentLength() > maxBytes) {
            return Mono.just(tooLarge());
        }
        return DataBufferUtils.join(request.getBody(), maxBytes)
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
                .map(QuickBooksWebhookHandler::answer)
                .onErrorResume(DataBufferLimitException.class, ex -> Mono.just(tooLarge()))
                .onErrorResume(MalformedWebhookException.class, ex -> Mono.just(error(HttpStatus.BAD_REQUEST,
                        "malformed_webhook", ex.getMessage())))
                .onErrorResume(ex -> !(ex instanceof MalformedWebhookException), ex -> {
                    // not durable, so not 200: Intuit retries the delivery
                    log.warn("webhook could not be published to Kafka: {}", ex.toString());
                    return Mono.just(error(HttpStatus.SERVICE_UNAVAILABLE, "not_published",
                            "changes could not be stored; retry later"));
                });
    }

    private static ResponseEntity<Map<String, Object>> answer(Receipt receipt) {
        if (receipt instanceof Receipt.Accepted accepted) {
            return ResponseEntity.ok(Map.of("accepted", accepted.changes()));
        }
        return error(HttpStatus.UNAUTHORIZED, "invalid_signature", "intuit-signature is missing or does not match");
    }

    private ResponseEntity<Map<String, Object>> tooLarge() {
        return error(HttpStatus.CONTENT_TOO_LARGE, "body_too_large", "webhook body exceeds " + maxBytes + " bytes");
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("error", code, "message", message));
    }
}
