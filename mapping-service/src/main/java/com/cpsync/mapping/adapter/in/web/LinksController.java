package com.cpsync.mapping.adapter.in.web;

import java.util.List;
import java.util.Map;

import com.cpsync.mapping.application.ApiException;
import com.cpsync.mapping.application.LinkService;
import com.cpsync.mapping.domain.link.Link;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LinksController {

    record PutLinkRequest(String qboId) {
    }

    record RepointRequest(String fromQboId, String toQboId) {
    }

    record LookupRequest(List<String> centerpointIds) {
    }

    record LookupAnswer(List<LinkJson> links) {
    }

    record LinkJson(String tenantId, String entityType, String centerpointId, String qboId, String createdAt) {
        static LinkJson of(Link link) {
            return new LinkJson(link.tenantId(), link.entityType().name(), link.centerpointId(), link.qboId(),
                    link.createdAt().toString());
        }
    }

    private final LinkService links;

    LinksController(LinkService links) {
        this.links = links;
    }

    @PutMapping("/tenants/{tenantId}/links/{entityType}/{centerpointId}")
    Mono<LinkJson> put(@PathVariable String tenantId, @PathVariable String entityType,
                       @PathVariable String centerpointId, @RequestBody(required = false) PutLinkRequest body) {
        return Blocking.call(() -> LinkJson.of(links.put(tenantId, Requests.entityType(entityType), centerpointId,
                Requests.text(Requests.body(body).qboId(), "qboId"))));
    }

    @GetMapping("/tenants/{tenantId}/links/{entityType}/{centerpointId}")
    Mono<LinkJson> get(@PathVariable String tenantId, @PathVariable String entityType,
                       @PathVariable String centerpointId) {
        return Blocking.call(() -> LinkJson.of(links.get(tenantId, Requests.entityType(entityType), centerpointId)));
    }

    @GetMapping("/tenants/{tenantId}/links/{entityType}")
    Mono<LinkJson> getByQboId(@PathVariable String tenantId, @PathVariable String entityType,
                              @RequestParam(required = false) String qboId) {
        return Blocking.call(() -> LinkJson.of(links.getByQboId(tenantId, Requests.entityType(entityType),
                Requests.text(qboId, "qboId"))));
    }

    /** Many links at once (a caller's coalesced lookups): the found ones; an id without a link is left out. */
    @PostMapping("/tenants/{tenantId}/links/{entityType}/lookup")
    Mono<LookupAnswer> lookUp(@PathVariable String tenantId, @PathVariable String entityType,
                              @RequestBody(required = false) LookupRequest body) {
        return Blocking.call(() -> {
            List<String> ids = Requests.body(body).centerpointIds();
            if (ids == null) {
                throw ApiException.badRequest("'centerpointIds' is required");
            }
            return new LookupAnswer(links.lookUp(tenantId, Requests.entityType(entityType), ids).stream()
                    .map(LinkJson::of).toList());
        });
    }

    @PostMapping("/tenants/{tenantId}/links/{entityType}/repoint")
    Mono<Map<String, Integer>> repoint(@PathVariable String tenantId, @PathVariable String entityType,
                                       @RequestBody(required = false) RepointRequest body) {
        return Blocking.call(() -> {
            RepointRequest request = Requests.body(body);
            int repointed = links.repoint(tenantId, Requests.entityType(entityType),
                    Requests.text(request.fromQboId(), "fromQboId"), Requests.text(request.toQboId(), "toQboId"));
            return Map.of("repointed", repointed);
        });
    }
}
