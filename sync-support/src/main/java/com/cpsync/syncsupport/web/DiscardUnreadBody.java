package com.cpsync.syncsupport.web;

import java.util.concurrent.atomic.AtomicBoolean;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Reads and drops a request body nobody read before its answer goes out (a 415 for a content type the handler
 * does not take, a 401 before the body), so the request ends before its response does; a body longer than
 * {@link #LONGEST_DISCARDED} is not waited for, and that connection is closed instead. A body the handler began
 * to read and gave up on (a 413 from a size limit, often while the client is still uploading) closes its
 * connection too.
 * <p>
 * Why: on a kept-alive connection, Reactor Netty 1.3.6 (Boot 4.0.7) stops reading when a request that arrived
 * while the previous answer was still being written is answered without its body being consumed: the body's
 * last part is left queued and nothing asks for the next read, so the next request on that connection waits
 * forever (reactor/reactor-netty#4347 and #4361, fixed in versions not served here). StandInApiPropertiesIT met it
 * as a 30-second timeout after a 502 written from a worker thread and then a 415. Closing every such connection
 * instead would lose answers: a socket closed with unread input sends a reset that can discard the response.
 */
public final class DiscardUnreadBody implements WebFilter, Ordered {

    /** Small bodies are drained; an early answer to a large upload is rare and closes its connection. */
    static final long LONGEST_DISCARDED = 1024 * 1024;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!hasBody(request.getHeaders())) {
            return chain.filter(exchange);
        }
        AtomicBoolean subscribed = new AtomicBoolean();
        AtomicBoolean read = new AtomicBoolean();
        ServerHttpRequest watched = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().doOnSubscribe(subscription -> subscribed.set(true))
                        .doOnComplete(() -> read.set(true));
            }
        };
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            if (!subscribed.get()) {
                return discard(request, response);
            }
            if (!read.get()) {
                response.getHeaders().set(HttpHeaders.CONNECTION, "close");
            }
            return Mono.empty();
        });
        return chain.filter(exchange.mutate().request(watched).build());
    }

    /** Outermost, so that a filter answering early (security, size limits) is covered too. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private static Mono<Void> discard(ServerHttpRequest request, ServerHttpResponse response) {
        return request.getBody()
                .map(buffer -> {
                    long size = buffer.readableByteCount();
                    DataBufferUtils.release(buffer);
                    return size;
                })
                .scan(0L, Long::sum)
                .takeUntil(total -> total > LONGEST_DISCARDED)
                .last(0L)
                .doOnNext(total -> {
                    if (total > LONGEST_DISCARDED) {
                        response.getHeaders().set(HttpHeaders.CONNECTION, "close");
                    }
                })
                // the client went away while sending: nothing left to protect
                .onErrorResume(error -> Mono.empty())
                .then();
    }

    private static boolean hasBody(HttpHeaders headers) {
        return headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }
}
