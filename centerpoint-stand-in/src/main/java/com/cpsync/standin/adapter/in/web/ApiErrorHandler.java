package com.cpsync.standin.adapter.in.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

import com.cpsync.standin.adapter.out.http.ConnectionFailedException;
import com.cpsync.standin.json.InvalidJsonException;

/** Errors as {@code {"error","message"}}, like mapping-service's API. */
@RestControllerAdvice
public class ApiErrorHandler {

    @ExceptionHandler(InvalidJsonException.class)
    ResponseEntity<Map<String, String>> invalid(InvalidJsonException ex) {
        return error(HttpStatus.BAD_REQUEST, "invalid_request", ex.getMessage());
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<Map<String, String>> unreadable(ServerWebInputException ex) {
        return error(HttpStatus.BAD_REQUEST, "invalid_request", "the body must be a JSON object: " + ex.getReason());
    }

    @ExceptionHandler(ConnectionFailedException.class)
    ResponseEntity<Map<String, String>> connectionFailed(ConnectionFailedException ex) {
        return error(HttpStatus.BAD_GATEWAY, "connection_failed", ex.getMessage());
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("error", code, "message", message));
    }
}
