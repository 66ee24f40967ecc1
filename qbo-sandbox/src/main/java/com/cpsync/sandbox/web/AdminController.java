package com.cpsync.sandbox.web;

import java.time.Clock;
import java.util.List;

import com.cpsync.sandbox.config.SandboxProperties;
import com.cpsync.sandbox.domain.EntityType;
import com.cpsync.sandbox.domain.FaultSettings;
import com.cpsync.sandbox.domain.Json;
import com.cpsync.sandbox.domain.OAuthTokens;
import com.cpsync.sandbox.domain.QboFault;
import com.cpsync.sandbox.domain.Realm;
import com.cpsync.sandbox.domain.RealmRegistry;
import com.cpsync.sandbox.domain.WebhookPayloads;
import com.cpsync.sandbox.webhook.WebhookDispatcher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test conveniences: realms, tokens, faults, stats, webhook target, state listing and UI-style merges. No auth, not counted. */
@RestController
@RequestMapping("/admin")
class AdminController {

    private final RealmRegistry realms;
    private final OAuthTokens tokens;
    private final WebhookDispatcher webhooks;
    private final SandboxProperties properties;
    private final Clock clock;

    AdminController(RealmRegistry realms, OAuthTokens tokens, WebhookDispatcher webhooks, SandboxProperties properties,
                    Clock clock) {
        this.realms = realms;
        this.tokens = tokens;
        this.webhooks = webhooks;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping("/realms/{realmId}")
    ResponseEntity<String> createRealm(@PathVariable String realmId) {
        boolean created = realms.ensure(realmId);
        return json(Json.object().put("realmId", realmId).put("created", created));
    }

    @PostMapping("/realms/{realmId}/tokens")
    ResponseEntity<String> tokens(@PathVariable String realmId) {
        realms.ensure(realmId);
        return json(OAuthController.tokenJson(tokens.issue(realmId), false).put("realmId", realmId));
    }

    @GetMapping("/realms/{realmId}/faults")
    ResponseEntity<String> faults(@PathVariable String realmId) {
        return json(realms.get(realmId).faults().toJson());
    }

    @PutMapping("/realms/{realmId}/faults")
    ResponseEntity<String> setFaults(@PathVariable String realmId, @RequestBody String body) {
        Realm realm = realms.get(realmId);
        realm.faults(realm.faults().with(Json.parseObject(body), clock.instant()));
        return json(realm.faults().toJson());
    }

    @DeleteMapping("/realms/{realmId}/faults")
    ResponseEntity<String> clearFaults(@PathVariable String realmId) {
        SandboxProperties.Limits limits = properties.limits();
        Realm realm = realms.get(realmId);
        realm.faults(FaultSettings.defaults(limits.requestsPerMinute(), limits.requestsPerSecond(), limits.batchesPerMinute()));
        realm.limiter().reset();
        return json(realm.faults().toJson());
    }

    @GetMapping("/realms/{realmId}/stats")
    ResponseEntity<String> stats(@PathVariable String realmId) {
        return json(realms.get(realmId).stats().toJson());
    }

    @DeleteMapping("/realms/{realmId}/stats")
    ResponseEntity<Void> resetStats(@PathVariable String realmId) {
        realms.get(realmId).stats().reset();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/realms/{realmId}/entities/{entity}")
    ResponseEntity<String> entities(@PathVariable String realmId, @PathVariable String entity) {
        EntityType type = EntityType.from(entity).orElseThrow(() -> QboFault.badRequest("Unsupported entity " + entity));
        List<ObjectNode> all = realms.get(realmId).all(type);
        ArrayNode array = Json.array();
        all.forEach(array::add);
        return json(array);
    }

    @PostMapping("/realms/{realmId}/{list}/merge")
    ResponseEntity<String> merge(@PathVariable String realmId, @PathVariable String list, @RequestBody String body) {
        EntityType type = switch (list) {
            case "customers" -> EntityType.CUSTOMER;
            case "vendors" -> EntityType.VENDOR;
            default -> throw QboFault.badRequest("Merge is supported for customers and vendors");
        };
        ObjectNode request = Json.parseObject(body);
        ObjectNode survivor = realms.get(realmId).merge(type, Json.text(request, "fromId"), Json.text(request, "toId"));
        return json(Json.object().set(type.qboName(), survivor));
    }

    @GetMapping("/webhooks")
    ResponseEntity<String> webhookTarget() {
        WebhookDispatcher.Target t = webhooks.target();
        return json(Json.object().put("targetUrl", t.targetUrl()).put("format", t.format().name()).put("enabled", t.enabled()));
    }

    @PutMapping("/webhooks")
    ResponseEntity<String> setWebhookTarget(@RequestBody String body) {
        JsonNode request = Json.parseObject(body);
        WebhookDispatcher.Target current = webhooks.target();
        String url = request.has("targetUrl") ? Json.text(request, "targetUrl") : current.targetUrl();
        String token = request.has("verifierToken") ? Json.text(request, "verifierToken") : current.verifierToken();
        WebhookPayloads.Format format = request.has("format")
                ? WebhookPayloads.Format.valueOf(request.get("format").asString().toUpperCase()) : current.format();
        boolean enabled = request.path("enabled").asBoolean(url != null) && url != null;
        webhooks.target(new WebhookDispatcher.Target(url, token == null ? "" : token, format, enabled));
        return webhookTarget();
    }

    private static ResponseEntity<String> json(JsonNode body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Json.write(body));
    }
}
