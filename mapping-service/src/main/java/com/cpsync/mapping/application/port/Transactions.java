package com.cpsync.mapping.application.port;

import java.util.function.Supplier;

/** One database transaction around a piece of work. */
public interface Transactions {

    /** Commits what {@code work} stored when it returns; rolls it all back when it throws. */
    <T> T inTransaction(Supplier<T> work);
}
