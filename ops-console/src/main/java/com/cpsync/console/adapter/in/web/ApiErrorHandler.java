package com.cpsync.console.adapter.in.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import com.cpsync.console.application.UnknownTenantException;
import com.cpsync.console.domain.conflict.InvalidResolutionException;
import com.cpsync.console.domain.outcome.InvalidSearchException;
import com.cpsync.console.domain.reconciliation.InvalidResyncException;

/** The API's errors as {@code {"error","message"}}, as mapping-service answers. */
@RestControllerAdvice(assignableTypes = {ApiController.class, ReconciliationApiController.class})
class ApiErrorHandler {

    @ExceptionHandler(InvalidSearchException.class)
    ResponseEntity<Map<String, String>> invalid(InvalidSearchException ex) {
        return ResponseEntity.badRequest().body(Json.error("invalid_request", ex.getMessage()));
    }

    @ExceptionHandler(InvalidResolutionException.class)
    ResponseEntity<Map<String, String>> invalidResolution(InvalidResolutionException ex) {
        return ResponseEntity.badRequest().body(Json.error("invalid_request", ex.getMessage()));
    }

    @ExceptionHandler(InvalidResyncException.class)
    ResponseEntity<Map<String, String>> invalidResync(InvalidResyncException ex) {
        return ResponseEntity.badRequest().body(Json.error("invalid_request", ex.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException ex) {
        return ResponseEntity.badRequest().body(Json.error("invalid_request",
                "the body must be JSON: {\"action\":\"LINK\",\"qboId\":\"…\"}, CREATE_WITH_SUFFIX or DISMISS for a"
                        + " resolution; {\"entity\",\"centerpointId\"}, {\"kind\"} or {\"all\":true} for a resync"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, String>> mismatch(MethodArgumentTypeMismatchException ex) {
        return ResponseEntity.badRequest().body(Json.error("invalid_request",
                "'" + ex.getName() + "' cannot be '" + ex.getValue() + "'"));
    }

    @ExceptionHandler(UnknownTenantException.class)
    ResponseEntity<Map<String, String>> notFound(UnknownTenantException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Json.error("not_found", ex.getMessage()));
    }

    /** The broker did not answer (lag): the page or a retry later will. */
    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<Map<String, String>> unavailable(IllegalStateException ex) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Json.error("unavailable", ex.getMessage()));
    }
}
