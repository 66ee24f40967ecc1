package com.cpsync.syncsupport.mapping;

/** mapping-service could not be reached or answered 5xx: transient, try again later. */
public class MappingServiceUnavailable extends RuntimeException {

    public MappingServiceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
