package com.cpsync.sandbox.adapter.in.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.cpsync.sandbox.domain.faults.FaultSettings;
import com.cpsync.sandbox.domain.faults.ReplyFault;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;

/**
 * The reply of a call the realm has already handled (its write applied), delivered as the realm's dice
 * said: on time, {@code timeoutMs} late, or lost (a gateway's 502 instead, or the connection closed).
 */
final class FaultyReply extends ServerHttpResponseDecorator {

    private static final byte[] BAD_GATEWAY = ("<html><head><title>502 Bad Gateway</title></head><body>"
            + "<center><h1>502 Bad Gateway</h1></center></body></html>").getBytes(StandardCharsets.UTF_8);

    private final ReplyFault fault;
    private final Runnable faulted;
    private final Runnable unanswered;
    private volatile boolean closed;
    private volatile boolean spared;

    /**
     * {@code faulted} runs when the fault meets the reply (to count it); {@code unanswered} runs when the
     * connection is closed: such a call has no status to count.
     */
    FaultyReply(ServerHttpResponse delegate, ReplyFault fault, Runnable faulted, Runnable unanswered) {
        super(delegate);
        this.fault = fault;
        this.faulted = faulted;
        this.unanswered = unanswered;
    }

    /** The call changed no books after all (a batch of queries only): its reply is delivered as is. */
    void spare() {
        spared = true;
    }

    /** The connection was closed instead of answering (WebFlux still commits the response afterwards). */
    boolean closed() {
        return closed;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
        if (spared) {
            return super.writeWith(body);
        }
        if (fault.kind() != ReplyFault.Kind.NONE) {
            faulted.run();
        }
        switch (fault.kind()) {
            case LATE:
                return Mono.delay(Duration.ofMillis(fault.delayMs())).then(super.writeWith(body));
            case LOST:
                Mono<Void> discarded = Flux.from(body).doOnNext(DataBufferUtils::release).then();
                return discarded.then(Mono.defer(fault.lostAs() == FaultSettings.LostReply.CLOSE ? this::close : this::badGateway));
            default:
                return super.writeWith(body);
        }
    }

    private Mono<Void> badGateway() {
        setStatusCode(HttpStatus.BAD_GATEWAY);
        getHeaders().setContentType(MediaType.TEXT_HTML);
        getHeaders().setContentLength(BAD_GATEWAY.length);
        return super.writeWith(Mono.just(bufferFactory().wrap(BAD_GATEWAY)));
    }

    /** Closes the connection without an answer; a server other than Reactor Netty answers 502 instead. */
    private Mono<Void> close() {
        Object nativeResponse = ServerHttpResponseDecorator.getNativeResponse(getDelegate());
        if (!(nativeResponse instanceof Connection connection)) {
            return badGateway();
        }
        closed = true;
        unanswered.run();
        connection.channel().close();
        return Mono.empty();
    }
}
