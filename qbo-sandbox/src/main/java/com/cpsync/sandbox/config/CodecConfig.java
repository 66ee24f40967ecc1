package com.cpsync.sandbox.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/** Batches and bulk payloads exceed WebFlux's 256 KB default; set in code because the sandbox ships no application.yml. */
@Configuration(proxyBeanMethods = false)
class CodecConfig implements WebFluxConfigurer {

    @Override
    public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
        configurer.defaultCodecs().maxInMemorySize(16 * 1024 * 1024);
    }
}
