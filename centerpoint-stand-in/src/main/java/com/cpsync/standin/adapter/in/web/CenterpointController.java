package com.cpsync.standin.adapter.in.web;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.standin.adapter.avro.CenterpointAvroMapper;
import com.cpsync.standin.adapter.out.http.QboConnectionClient;
import com.cpsync.standin.adapter.out.kafka.CenterpointKafkaPublisher;
import com.cpsync.standin.domain.CenterpointData;
import com.cpsync.standin.domain.ReceivedCommand;
import com.cpsync.standin.json.EventJsonAvroMapper;
import com.cpsync.standin.json.InvalidJsonException;
import com.cpsync.standin.json.SettingsJsonAvroMapper;
import com.cpsync.standin.json.StandInJsonViews;

/** The stand-in's HTTP API of DESIGN.md §8. */
@RestController
public record CenterpointController(EventJsonAvroMapper eventMapper, SettingsJsonAvroMapper settingsMapper,
        CenterpointKafkaPublisher publisher, QboConnectionClient connectionClient, CenterpointData data,
        PublishedBooks books) {

    @PutMapping(path = "/tenants/{tenantId}/connection", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<String> connect(@PathVariable String tenantId, @RequestBody Map<String, Object> body) {
        Object realmId = body.get("realmId");
        if (!(realmId instanceof String) || ((String) realmId).isBlank()) {
            throw new InvalidJsonException("realmId is required: {\"realmId\":\"…\"}");
        }
        return connectionClient.connect(tenantId, (String) realmId);
    }

    @PutMapping("/tenants/{tenantId}/settings")
    Mono<Map<String, Object>> putSettings(@PathVariable String tenantId, @RequestBody Map<String, Object> body) {
        var settings = settingsMapper.toAvro(tenantId, body);
        return publisher.publish(settings).then(Mono.fromRunnable(() -> books.record(settings)))
                .thenReturn(StandInJsonViews.record(settings));
    }

    @PostMapping("/tenants/{tenantId}/events")
    Mono<ResponseEntity<Map<String, String>>> postEvent(@PathVariable String tenantId,
            @RequestBody Map<String, Object> body) {
        CenterpointEvent event = eventMapper.toAvro(tenantId, body);
        return publisher.publish(event)
                .then(Mono.fromRunnable(() -> {
                    CenterpointAvroMapper.companyOf(event).ifPresent(data.tenant(tenantId)::record);
                    books.record(event);
                }))
                .thenReturn(ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("eventId", event.getEventId())));
    }

    @GetMapping("/tenants/{tenantId}/commands")
    List<Map<String, Object>> commands(@PathVariable String tenantId) {
        return data.tenant(tenantId).commands().stream().map(ReceivedCommand::view).toList();
    }

    @GetMapping("/tenants/{tenantId}/companies")
    List<Map<String, Object>> companies(@PathVariable String tenantId) {
        return data.tenant(tenantId).companies().stream()
                .map(stored -> StandInJsonViews.company(CenterpointAvroMapper.toAvro(stored.company()), stored.qboCustomerId()))
                .toList();
    }

    @GetMapping("/tenants/{tenantId}/projects/{projectId}/invoices")
    List<Map<String, Object>> projectInvoices(@PathVariable String tenantId, @PathVariable String projectId) {
        return data.tenant(tenantId).projectInvoices(projectId);
    }

    @GetMapping("/tenants/{tenantId}/payments")
    List<Map<String, Object>> payments(@PathVariable String tenantId) {
        return data.tenant(tenantId).payments();
    }

    @GetMapping("/tenants/{tenantId}/outcomes")
    List<Map<String, Object>> outcomes(@PathVariable String tenantId) {
        return data.tenant(tenantId).outcomes();
    }
}
