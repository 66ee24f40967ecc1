/**
 * mapping-service's API as typed values (docs/contracts.md), free of HTTP and Spring so use cases may
 * name them; {@code mapping.http.MappingServiceClient} speaks the wire. Errors: {@link
 * com.cpsync.syncsupport.mapping.MappingServiceUnavailable} (transport, 5xx: wait),
 * {@link com.cpsync.syncsupport.mapping.TenantNotConnected} (access token 404/409),
 * {@link com.cpsync.syncsupport.mapping.LinkClash} (link 409),
 * {@link com.cpsync.syncsupport.mapping.MappingServiceRefused} (any other 4xx).
 */
package com.cpsync.syncsupport.mapping;
