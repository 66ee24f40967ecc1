package com.cpsync.sandbox.adapter.in.web;

import java.util.List;

import com.cpsync.sandbox.domain.EntityType;
import com.cpsync.sandbox.domain.QboFault;
import com.cpsync.sandbox.domain.oauth.OAuthTokens;
import com.cpsync.sandbox.engine.Json;
import com.cpsync.sandbox.engine.Realm;
import com.cpsync.sandbox.engine.RealmRegistry;
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

/** Test conveniences per realm: creation, tokens, faults, stats, state listing and UI-style merges. No auth, not counted. */
@RestController
@RequestMapping("/admin/realms/{realmId}")
class AdminRealmsController {

    private final RealmRegistry realms;
    private final OAuthTokens tokens;

    AdminRealmsController(RealmRegistry realms, OAuthTokens tokens) {
        this.realms = realms;
        this.tokens = tokens;
    }

    @PostMapping
    ResponseEntity<String> createRealm(@PathVariable String realmId) {
        boolean created = realms.ensure(realmId);
        return json(Json.object().put("realmId", realmId).put("created", created));
    }

    @PostMapping("/tokens")
    ResponseEntity<String> tokens(@PathVariable String realmId) {
        realms.ensure(realmId);
        return json(OAuthController.tokenJson(tokens.issue(realmId), false).put("realmId", realmId));
    }

    @GetMapping("/faults")
    ResponseEntity<String> faults(@PathVariable String realmId) {
        return json(FaultSettingsJson.render(realms.get(realmId).faults().settings()));
    }

    @PutMapping("/faults")
    ResponseEntity<String> setFaults(@PathVariable String realmId, @RequestBody String body) {
        Realm realm = realms.get(realmId);
        FaultSettingsJson.Update update = FaultSettingsJson.apply(realm.faults().settings(), Json.parseObject(body), realm.instant());
        realm.faults().update(update.settings(), update.reseed());
        return faults(realmId);
    }

    @DeleteMapping("/faults")
    ResponseEntity<String> clearFaults(@PathVariable String realmId) {
        realms.get(realmId).faults().reset(realms.defaultFaults());
        return faults(realmId);
    }

    @GetMapping("/stats")
    ResponseEntity<String> stats(@PathVariable String realmId) {
        return json(Json.MAPPER.valueToTree(realms.get(realmId).stats().snapshot()));
    }

    @DeleteMapping("/stats")
    ResponseEntity<Void> resetStats(@PathVariable String realmId) {
        realms.get(realmId).stats().reset();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/entities/{entity}")
    ResponseEntity<String> entities(@PathVariable String realmId, @PathVariable String entity) {
        EntityType type = EntityType.from(entity).orElseThrow(() -> QboFault.badRequest("Unsupported entity " + entity));
        List<ObjectNode> all = realms.get(realmId).all(type);
        ArrayNode array = Json.array();
        all.forEach(array::add);
        return json(array);
    }

    /**
     * A change the realm's user makes in QBO's own screens: not an app's API call, so neither metered nor throttled
     * nor counted in stats, and its webhook goes out as for any change. A body with an Id updates (sparse or not).
     */
    @PostMapping("/entities/{entity}")
    ResponseEntity<String> saveAsUser(@PathVariable String realmId, @PathVariable String entity,
            @RequestBody String body) {
        EntityType type = EntityType.from(entity).orElseThrow(() -> QboFault.badRequest("Unsupported entity " + entity));
        ObjectNode saved = realms.get(realmId).save(type, Json.parseObject(body));
        return json(Json.object().set(type.qboName(), saved));
    }

    @PostMapping("/{list}/merge")
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

    static ResponseEntity<String> json(JsonNode body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Json.write(body));
    }
}
