package com.cpsync.standin.adapter.in.web;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

import com.cpsync.standin.adapter.out.http.ConnectionFailedException;
import com.cpsync.standin.json.InvalidJsonException;

/**
 * Errors as {@code {"error","message"}}, like mapping-service's API. Every 5xx is logged with its
 * cause (issue 8: a 502 nobody could see in a log); messages name steps and statuses, never tokens.
 */
@RestControllerAdvice
public class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(InvalidJsonException.class)
    ResponseEntity<Map<String, String>> invalid(InvalidJsonException ex) {
        return error(HttpStatus.BAD_REQUEST, "invalid_request", ex.getMessage());
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<Map<String, String>> unreadable(ServerWebInputException ex) {
        return error(HttpStatus.BAD_REQUEST, "invalid_request", "the body must be a JSON object: " + ex.getReason());
    }

    @ExceptionHandler(ConnectionFailedException.class)
    ResponseEntity<Map<String, String>> connectionFailed(ConnectionFailedException ex, ServerHttpRequest request) {
        log.error("502 for {} {}: {}", request.getMethod(), request.getPath(), ex.getMessage(), ex.getCause());
        return error(HttpStatus.BAD_GATEWAY, "connection_failed", ex.getMessage());
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, String>> status(ResponseStatusException ex, ServerHttpRequest request) {
        if (ex.getStatusCode().value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            return error(ex.getStatusCode(), "too_large",
                    "the body is larger than this API reads (spring.codec.max-in-memory-size, 256 KB unless set)");
        }
        if (ex.getStatusCode().is5xxServerError()) {
            log.error("{} for {} {}: {}", ex.getStatusCode().value(), request.getMethod(), request.getPath(), ex.getReason(), ex);
        }
        return error(ex.getStatusCode(), "error", ex.getReason() == null ? ex.getMessage() : ex.getReason());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, String>> unexpected(Exception ex, ServerHttpRequest request) {
        log.error("500 for {} {}: {}", request.getMethod(), request.getPath(), ex.toString(), ex);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", ex.toString());
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatusCode status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("error", code, "message", message));
    }
}
