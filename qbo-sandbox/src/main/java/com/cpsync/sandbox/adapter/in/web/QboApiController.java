package com.cpsync.sandbox.adapter.in.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.cpsync.sandbox.domain.ChangedSince;
import com.cpsync.sandbox.domain.EntityType;
import com.cpsync.sandbox.domain.QboFault;
import com.cpsync.sandbox.domain.query.QueryParser;
import com.cpsync.sandbox.engine.Json;
import com.cpsync.sandbox.engine.Realm;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** The QBO v3 paths: entity read/create/update/delete/void, query, cdc and batch. */
@RestController
@RequestMapping("/v3/company/{realmId}")
class QboApiController {

    private static final int MAX_REQUEST_ID = 50;
    private static final int MAX_BATCH_REQUEST_ID = 36;
    private static final int MAX_BATCH_ITEMS = 30;

    @GetMapping("/query")
    ResponseEntity<String> query(@RequestAttribute(QboGatewayFilter.REALM_ATTRIBUTE) Realm realm,
                                 @RequestParam String query) {
        return respond(realm, () -> envelope(realm, "QueryResponse", realm.query(QueryParser.parse(query))));
    }

    @PostMapping("/query")
    ResponseEntity<String> queryByPost(@RequestAttribute(QboGatewayFilter.REALM_ATTRIBUTE) Realm realm,
                                       @RequestParam(required = false) String query,
                                       @RequestBody(required = false) String body) {
        String text = query != null ? query : body == null ? "" : body.trim();
        if (text.regionMatches(true, 0, "query=", 0, 6)) {
            text = URLDecoder.decode(text.substring(6), StandardCharsets.UTF_8);
        }
        String q = text;
        return respond(realm, () -> envelope(realm, "QueryResponse", realm.query(QueryParser.parse(q))));
    }

    @GetMapping("/cdc")
    ResponseEntity<String> changeDataCapture(@RequestAttribute(QboGatewayFilter.REALM_ATTRIBUTE) Realm realm,
                                             @RequestParam(required = false) String entities,
                                             @RequestParam(required = false) String changedSince) {
        return respond(realm, () -> {
            if (entities == null || entities.isBlank()) {
                throw QboFault.required("entities");
            }
            if (changedSince == null || changedSince.isBlank()) {
                throw QboFault.required("changedSince");
            }
            List<EntityType> types = new ArrayList<>();
            for (String name : entities.split(",")) {
                types.add(EntityType.from(name).orElseThrow(() -> QboFault.badRequest("Unsupported CDC entity " + name)));
            }
            ObjectNode root = Json.object();
            root.putArray("CDCResponse").addObject().set("QueryResponse", realm.changedSince(types, ChangedSince.parse(changedSince, realm.zone())));
            root.put("time", realm.now());
            return Json.write(root);
        });
    }

    @PostMapping("/batch")
    ResponseEntity<String> batch(@RequestAttribute(QboGatewayFilter.REALM_ATTRIBUTE) Realm realm,
                                 @RequestParam(required = false) String requestid,
                                 @RequestBody(required = false) String body,
                                 ServerWebExchange exchange) {
        checkRequestId(requestid, MAX_BATCH_REQUEST_ID);
        if (queriesOnly(body) && exchange.getResponse() instanceof FaultyReply reply) {
            // lost and late replies model an applied write; a batch of queries applies nothing
            reply.spare();
        }
        return stored(realm.idempotent(requestid, () -> execute(realm, () -> {
            JsonNode items = Json.parseObject(body).path("BatchItemRequest");
            if (!items.isArray() || items.isEmpty()) {
                throw QboFault.required("BatchItemRequest");
            }
            if (items.size() > MAX_BATCH_ITEMS) {
                throw QboFault.business("A batch request can hold at most " + MAX_BATCH_ITEMS + " items; it had " + items.size());
            }
            ObjectNode root = Json.object();
            ArrayNode responses = root.putArray("BatchItemResponse");
            for (JsonNode item : items) {
                responses.add(batchItem(realm, item));
            }
            root.put("time", realm.now());
            return Json.write(root);
        })));
    }

    @GetMapping("/{entity}/{id}")
    ResponseEntity<String> read(@RequestAttribute(QboGatewayFilter.REALM_ATTRIBUTE) Realm realm,
                                @PathVariable String entity, @PathVariable String id) {
        return respond(realm, () -> {
            EntityType type = entityType(entity);
            return envelope(realm, type.qboName(), realm.read(type, id));
        });
    }

    @PostMapping("/{entity}")
    ResponseEntity<String> write(@RequestAttribute(QboGatewayFilter.REALM_ATTRIBUTE) Realm realm,
                                 @PathVariable String entity,
                                 @RequestParam(required = false) String operation,
                                 @RequestParam(required = false) String include,
                                 @RequestParam(required = false) String requestid,
                                 @RequestBody(required = false) String body) {
        checkRequestId(requestid, MAX_REQUEST_ID);
        return stored(realm.idempotent(requestid, () -> execute(realm, () -> {
            EntityType type = entityType(entity);
            ObjectNode result = apply(realm, type, operation, "void".equalsIgnoreCase(include), Json.parseObject(body));
            return envelope(realm, type.qboName(), result);
        })));
    }

    private static ObjectNode apply(Realm realm, EntityType type, String operation, boolean voiding, ObjectNode body) {
        String op = operation == null ? "" : operation.toLowerCase();
        return switch (op) {
            case "", "create", "update" -> voiding ? realm.voidTransaction(type, body) : realm.save(type, body);
            case "delete" -> realm.delete(type, body);
            case "void" -> realm.voidTransaction(type, body);
            default -> throw QboFault.badRequest("Unsupported operation " + operation);
        };
    }

    private static ObjectNode batchItem(Realm realm, JsonNode item) {
        ObjectNode response = Json.object();
        response.put("bId", item.path("bId").asString());
        try {
            if (item.has("Query")) {
                response.set("QueryResponse", realm.query(QueryParser.parse(item.get("Query").asString())));
                return response;
            }
            EntityType type = null;
            for (EntityType t : EntityType.values()) {
                if (item.has(t.qboName()) && item.get(t.qboName()).isObject()) {
                    type = t;
                }
            }
            if (type == null) {
                throw QboFault.required("entity");
            }
            boolean voiding = "void".equalsIgnoreCase(item.path("optionsData").asString());
            ObjectNode body = (ObjectNode) item.get(type.qboName());
            response.set(type.qboName(), apply(realm, type, item.path("operation").asString(""), voiding, body));
        } catch (QboFault f) {
            response.set("Fault", FaultBodies.fault(f));
        }
        return response;
    }

    private static boolean queriesOnly(String body) {
        try {
            JsonNode items = Json.parseObject(body).path("BatchItemRequest");
            for (JsonNode item : items) {
                if (!item.has("Query")) {
                    return false;
                }
            }
            return items.isArray() && !items.isEmpty();
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    private static EntityType entityType(String name) {
        return EntityType.from(name).orElseThrow(() -> QboFault.badRequest("Unsupported entity " + name));
    }

    private static void checkRequestId(String requestId, int max) {
        if (requestId != null && (requestId.isBlank() || requestId.length() > max)) {
            throw QboFault.badRequest("requestid must be 1 to " + max + " characters long");
        }
    }

    private static String envelope(Realm realm, String key, JsonNode value) {
        ObjectNode root = Json.object();
        root.set(key, value);
        root.put("time", realm.now());
        return Json.write(root);
    }

    private interface Work {
        String run();
    }

    private static Realm.StoredResponse execute(Realm realm, Work work) {
        try {
            return new Realm.StoredResponse(200, work.run());
        } catch (QboFault f) {
            return new Realm.StoredResponse(f.details().httpStatus(), FaultBodies.faultResponse(f, realm.now()));
        }
    }

    private static ResponseEntity<String> respond(Realm realm, Work work) {
        return stored(execute(realm, work));
    }

    private static ResponseEntity<String> stored(Realm.StoredResponse response) {
        return ResponseEntity.status(response.status()).contentType(MediaType.APPLICATION_JSON).body(response.body());
    }
}
