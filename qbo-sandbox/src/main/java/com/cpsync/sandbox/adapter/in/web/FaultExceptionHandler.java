package com.cpsync.sandbox.adapter.in.web;

import java.time.Instant;

import com.cpsync.sandbox.domain.QboFault;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/** Faults raised outside a realm's request handling (e.g. a bad requestid) still get QBO's Fault shape. */
@RestControllerAdvice
class FaultExceptionHandler {

    @ExceptionHandler(QboFault.class)
    ResponseEntity<String> fault(QboFault f) {
        return ResponseEntity.status(f.details().httpStatus()).contentType(MediaType.APPLICATION_JSON)
                .body(FaultBodies.faultResponse(f, Instant.now().toString()));
    }

    /** A missing or malformed request parameter (e.g. no {@code query}) is a validation fault, as in QBO. */
    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<String> badInput(ServerWebInputException e) {
        return fault(QboFault.validation("2020", "Required param missing, need to supply the required value for the API",
                e.getReason() == null ? "Invalid request" : e.getReason()));
    }
}
