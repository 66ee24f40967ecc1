package com.cpsync.inbound.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Inbound processing and its outbound HTTP peers.
 *
 * @param mappingUrl        base URL of mapping-service
 * @param qboUrl            base URL of the QBO API (without /v3)
 * @param cdcBatchThreshold from how many changes of one realm in one batch a single CDC call replaces reads
 */
@ConfigurationProperties("app.inbound")
public record InboundProperties(@DefaultValue("http://localhost:8081") String mappingUrl,
        @DefaultValue("http://localhost:8090") String qboUrl, @DefaultValue("2") int cdcBatchThreshold) {
}
