/**
 * Tracing both sync services share: the current trace id for outcome records ({@code TraceIds}) and the
 * observed QBO HTTP client ({@code QboHttpObservation}). Micrometer's facades only; each service brings the
 * OpenTelemetry bridge.
 */
package com.cpsync.syncsupport.tracing;
