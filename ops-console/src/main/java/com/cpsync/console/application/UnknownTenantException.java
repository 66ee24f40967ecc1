package com.cpsync.console.adapter.in.web;

/** A tenant or id the console does not know: 404 with this sentence. */
class NotFoundException extends RuntimeException {

    NotFoundException(String message) {
        super(message);
    }
}
