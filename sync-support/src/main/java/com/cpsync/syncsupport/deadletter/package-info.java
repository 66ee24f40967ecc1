/** The dead-letter recipe: one non-retryable exception, one error handler, one header set. */
package com.cpsync.syncsupport.deadletter;
