package com.cpsync.sandbox.adapter.in.web;

import java.util.Locale;

import com.cpsync.sandbox.adapter.out.webhook.WebhookDispatcher;
import com.cpsync.sandbox.domain.QboFault;
import com.cpsync.sandbox.domain.webhook.WebhookFaults;
import com.cpsync.sandbox.domain.webhook.WebhookFormat;
import com.cpsync.sandbox.engine.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webhook sender: target, verifier token, format, delivery faults ({@code duplicates}, {@code shuffle},
 * {@code dropRate}, {@code seed}) and its counters. Every PUT field is optional.
 */
@RestController
@RequestMapping("/admin/webhooks")
class AdminWebhooksController {

    private final WebhookDispatcher webhooks;

    AdminWebhooksController(WebhookDispatcher webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping
    ResponseEntity<String> webhooks() {
        WebhookDispatcher.Target t = webhooks.target();
        WebhookFaults f = webhooks.faults();
        WebhookDispatcher.Counters c = webhooks.counters();
        ObjectNode json = Json.object().put("targetUrl", t.targetUrl()).put("format", t.format().name())
                .put("enabled", t.enabled())
                .put("duplicates", f.duplicates()).put("shuffle", f.shuffle()).put("dropRate", f.dropRate()).put("seed", f.seed());
        json.putObject("stats").put("posts", c.posts()).put("sent", c.sent()).put("delivered", c.delivered())
                .put("dropped", c.dropped()).put("held", c.held()).put("failed", c.failed());
        return AdminRealmsController.json(json);
    }

    @PutMapping
    ResponseEntity<String> setWebhooks(@RequestBody String body) {
        JsonNode request = Json.parseObject(body);
        WebhookDispatcher.Target current = webhooks.target();
        String url = request.has("targetUrl") ? Json.text(request, "targetUrl") : current.targetUrl();
        String token = request.has("verifierToken") ? Json.text(request, "verifierToken") : current.verifierToken();
        boolean enabled = request.path("enabled").asBoolean(url != null) && url != null;
        try {
            WebhookFormat format = request.has("format")
                    ? WebhookFormat.valueOf(request.get("format").asString().toUpperCase(Locale.ROOT)) : current.format();
            WebhookFaults faults = faults(webhooks.faults(), request);
            webhooks.target(new WebhookDispatcher.Target(url, token == null ? "" : token, format, enabled));
            webhooks.faults(faults, request.has("seed"));
        } catch (IllegalArgumentException e) {
            throw QboFault.badRequest("Invalid webhook settings: " + e.getMessage());
        }
        return webhooks();
    }

    private static WebhookFaults faults(WebhookFaults current, JsonNode request) {
        JsonNode seed = request.path("seed");
        return new WebhookFaults(
                request.has("duplicates") ? request.get("duplicates").asInt() : current.duplicates(),
                request.has("shuffle") ? request.get("shuffle").asBoolean() : current.shuffle(),
                request.has("dropRate") ? request.get("dropRate").asDouble() : current.dropRate(),
                !request.has("seed") ? current.seed() : seed.isNull() ? null : Long.valueOf(seed.asLong()));
    }
}
