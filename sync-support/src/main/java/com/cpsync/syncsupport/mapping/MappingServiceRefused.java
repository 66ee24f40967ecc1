package com.cpsync.syncsupport.mapping;

/**
 * mapping-service answered with a 4xx the caller did not expect: a bug on our side or bad data, not a
 * reason to wait. An {@link IllegalStateException}, so a caller that does not expect it ends as FAILED.
 */
public class MappingServiceRefused extends IllegalStateException {

    public MappingServiceRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
