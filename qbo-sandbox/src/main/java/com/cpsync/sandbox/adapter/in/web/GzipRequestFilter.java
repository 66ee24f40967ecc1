package com.cpsync.sandbox.adapter.in.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;

import com.cpsync.sandbox.domain.QboFault;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Accepts request bodies sent with {@code Content-Encoding: gzip}, as QBO's gateway does: Intuit's Java SDK
 * compresses every POST by default (qbo-api-facts.md §11.5). A body that is not gzip is a 400 fault.
 */
@Component
@Order(-200)
class GzipRequestFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String encoding = request.getHeaders().getFirst(HttpHeaders.CONTENT_ENCODING);
        if (encoding == null || !encoding.trim().equalsIgnoreCase("gzip")) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new Gunzipped(request)).build());
    }

    static byte[] gunzip(byte[] compressed) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw QboFault.validation("2010", "Request has invalid or unsupported property",
                    "The request body is marked Content-Encoding: gzip but is not gzip data: " + e.getMessage());
        }
    }

    private static final class Gunzipped extends ServerHttpRequestDecorator {

        private final HttpHeaders headers;

        Gunzipped(ServerHttpRequest delegate) {
            super(delegate);
            headers = new HttpHeaders();
            headers.putAll(delegate.getHeaders());
            headers.remove(HttpHeaders.CONTENT_ENCODING);
            headers.remove(HttpHeaders.CONTENT_LENGTH);
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return DataBufferUtils.join(super.getBody()).map(joined -> {
                byte[] compressed = new byte[joined.readableByteCount()];
                joined.read(compressed);
                DataBufferUtils.release(joined);
                return (DataBuffer) DefaultDataBufferFactory.sharedInstance.wrap(gunzip(compressed));
            }).flux();
        }
    }
}
