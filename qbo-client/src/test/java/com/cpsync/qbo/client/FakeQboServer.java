package com.cpsync.qbo.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The JDK's HTTP server on a random port, answering canned QBO responses in order and recording requests. */
final class FakeQboServer implements AutoCloseable {

    record Recorded(String method, URI uri, Headers headers, String body) {

        String rawQuery() {
            return uri.getRawQuery();
        }

        String path() {
            return uri.getPath();
        }
    }

    record Canned(int status, Map<String, String> headers, String body, CountDownLatch holdUntil) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Canned> responses = new ConcurrentLinkedQueue<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    FakeQboServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    FakeQboServer respond(int status, String body) {
        return respond(status, Map.of(), body);
    }

    FakeQboServer respond(int status, Map<String, String> headers, String body) {
        responses.add(new Canned(status, headers, body, null));
        return this;
    }

    /** The next response is held until the latch opens (to provoke a client timeout). */
    FakeQboServer respondAfter(CountDownLatch latch, String body) {
        responses.add(new Canned(200, Map.of(), body, latch));
        return this;
    }

    List<Recorded> requests() {
        return requests;
    }

    Recorded lastRequest() {
        return requests.get(requests.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI(), exchange.getRequestHeaders(), body));
        Canned canned = responses.poll();
        if (canned == null) {
            canned = new Canned(500, Map.of(), "no canned response left", null);
        }
        if (canned.holdUntil() != null) {
            try {
                canned.holdUntil().await(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = canned.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", canned.body().startsWith("<") ? "application/xml" : "application/json");
        exchange.getResponseHeaders().add("intuit_tid", "1-test-tid");
        canned.headers().forEach(exchange.getResponseHeaders()::add);
        exchange.sendResponseHeaders(canned.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        catch (IOException clientGone) {
            // the client timed out first: nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
