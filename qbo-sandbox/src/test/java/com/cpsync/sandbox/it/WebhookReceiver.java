package com.cpsync.sandbox.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/** Stands for the webhook endpoint of an app: records what it accepts, and answers 500 while told to. */
final class WebhookReceiver implements AutoCloseable {

    record Delivery(String signature, String contentType, String body) {
    }

    final ConcurrentLinkedQueue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    final AtomicInteger failuresToAnswer = new AtomicInteger();
    final AtomicInteger attempts = new AtomicInteger();
    private final HttpServer server;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        WebhookReceiver receiver = new WebhookReceiver(server);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            receiver.attempts.incrementAndGet();
            int status = receiver.failuresToAnswer.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
            if (status == 200) {
                receiver.deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("intuit-signature"),
                        exchange.getRequestHeaders().getFirst("Content-Type"), new String(body, StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return receiver;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The accepted deliveries whose body contains every fragment, in the order they arrived. */
    List<Delivery> containing(String... fragments) {
        return deliveries.stream().filter(d -> List.of(fragments).stream().allMatch(d.body()::contains)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
