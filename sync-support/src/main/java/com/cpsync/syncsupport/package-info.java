/**
 * What both sync services need, in one shape. Services depend on this library, never on each other.
 * {@code kafka} replays compacted topics and waits for acknowledgements, {@code settings} keeps the
 * tenants' sync settings, {@code outcome} publishes and counts sync outcomes, {@code deadletter} is the
 * DLT recipe, {@code mapping} (+ {@code mapping.http}) is mapping-service's API and client,
 * {@code token} caches access tokens, {@code lag} measures consumer-group lag, {@code tracing} reads the current trace id. The QBO display-name rule lives in qbo-client
 * ({@code com.cpsync.qbo.client.names}) because mapping-service needs it too.
 */
package com.cpsync.syncsupport;
