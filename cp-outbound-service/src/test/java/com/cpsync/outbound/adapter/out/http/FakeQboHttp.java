package com.cpsync.outbound.adapter.out.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/** A local HTTP server that answers every QBO call alike and records what it was asked (decoded). */
public final class FakeQboHttp implements AutoCloseable {

    private final HttpServer server;
    private final List<URI> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String contentType = "application/json";
    private volatile String body = "{}";
    /** Requests are held until this many have arrived (or 10 s passed): shows which ones went out at once. */
    private volatile CountDownLatch together = new CountDownLatch(0);
    private final AtomicInteger heldTooLong = new AtomicInteger();

    public FakeQboHttp() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI());
            together.countDown();
            if (!awaitTogether()) {
                heldTooLong.incrementAndGet();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    private boolean awaitTogether() {
        try {
            return together.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Holds every request until {@code requests} of them are in: those sent one after another wait in vain. */
    public FakeQboHttp holdUntilTogether(int requests) {
        together = new CountDownLatch(requests);
        return this;
    }

    /** How many requests were answered only because the wait for the others ran out. */
    public int heldTooLong() {
        return heldTooLong.get();
    }

    public FakeQboHttp answer(int status, String contentType, String body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        return this;
    }

    public URI baseUrl() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    /** The requests so far, their query strings decoded. */
    public List<URI> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
