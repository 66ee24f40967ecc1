package com.cpsync.mapping.adapter.in.web;

import java.util.List;
import java.util.Map;

import com.cpsync.mapping.application.SyncRecords;
import com.cpsync.mapping.application.port.SyncRecordStore.AnnouncedCreate;
import com.cpsync.mapping.application.port.SyncRecordStore.WriteRecord;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Echo records, announced creates, applied inbound changes and CDC cursors. */
@RestController
class SyncRecordsController {

    record WriteRequest(String tenantId, String qboEntity, String qboId, String syncToken, String traceId) {
    }

    record WriteJson(String qboEntity, String qboId, String syncToken, String writtenAt, String traceId) {
        static WriteJson of(WriteRecord write) {
            return new WriteJson(write.qboEntity(), write.qboId(), write.syncToken(), write.writtenAt().toString(),
                    write.traceId());
        }
    }

    record AppliedChangeRequest(String qboEntity, String qboId, String lastUpdated, String syncToken) {
    }

    record CdcCursorJson(String changedSince) {
    }

    record AppliedPayloadJson(String payloadHash) {
    }

    record AnnounceRequest(String tenantId, String displayName, String parentQboId) {
    }

    record AnnouncedJson(String entityType, String centerpointId, String tenantId, String displayName,
            String parentQboId, String announcedAt) {
        static AnnouncedJson of(AnnouncedCreate create) {
            return new AnnouncedJson(create.entityType(), create.centerpointId(), create.tenantId(),
                    create.displayName(), create.parentQboId(), create.announcedAt().toString());
        }
    }

    private final SyncRecords records;

    SyncRecordsController(SyncRecords records) {
        this.records = records;
    }

    @PostMapping("/realms/{realmId}/writes")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> recordWrite(@PathVariable String realmId, @RequestBody(required = false) WriteRequest body) {
        return Blocking.run(() -> {
            WriteRequest request = Requests.body(body);
            records.recordWrite(realmId, request.tenantId(), Requests.text(request.qboEntity(), "qboEntity"),
                    Requests.text(request.qboId(), "qboId"), Requests.text(request.syncToken(), "syncToken"),
                    request.traceId());
        });
    }

    @GetMapping("/realms/{realmId}/writes/{qboEntity}/{qboId}")
    Mono<WriteJson> findWrite(@PathVariable String realmId, @PathVariable String qboEntity, @PathVariable String qboId) {
        return Blocking.call(() -> WriteJson.of(records.write(realmId, qboEntity, qboId)));
    }

    @PutMapping("/realms/{realmId}/announced-creates/{entityType}/{centerpointId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> announceCreate(@PathVariable String realmId, @PathVariable String entityType,
            @PathVariable String centerpointId, @RequestBody(required = false) AnnounceRequest body) {
        return Blocking.run(() -> {
            AnnounceRequest request = Requests.body(body);
            records.announceCreate(realmId, Requests.text(request.tenantId(), "tenantId"), entityType, centerpointId,
                    Requests.text(request.displayName(), "displayName"), request.parentQboId());
        });
    }

    @DeleteMapping("/realms/{realmId}/announced-creates/{entityType}/{centerpointId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> withdrawCreate(@PathVariable String realmId, @PathVariable String entityType,
            @PathVariable String centerpointId) {
        return Blocking.run(() -> records.withdrawCreate(realmId, entityType, centerpointId));
    }

    @GetMapping("/realms/{realmId}/announced-creates")
    Mono<List<AnnouncedJson>> announcedCreates(@PathVariable String realmId,
            @RequestParam(required = false) String displayName, @RequestParam(required = false) String entityType) {
        return Blocking.call(() -> records.announcedCreates(realmId, displayName, entityType).stream()
                .map(AnnouncedJson::of).toList());
    }

    @PostMapping("/realms/{realmId}/applied-changes")
    Mono<Map<String, Boolean>> applyChange(@PathVariable String realmId,
                                           @RequestBody(required = false) AppliedChangeRequest body) {
        return Blocking.call(() -> {
            AppliedChangeRequest request = Requests.body(body);
            boolean newer = records.applyIfNewer(realmId, Requests.text(request.qboEntity(), "qboEntity"),
                    Requests.text(request.qboId(), "qboId"), Requests.instant(request.lastUpdated(), "lastUpdated"),
                    request.syncToken());
            return Map.of("newer", newer);
        });
    }

    @GetMapping("/realms/{realmId}/applied-payloads/{qboEntity}/{qboId}")
    Mono<AppliedPayloadJson> appliedPayload(@PathVariable String realmId, @PathVariable String qboEntity,
            @PathVariable String qboId) {
        return Blocking.call(() -> new AppliedPayloadJson(records.appliedPayload(realmId, qboEntity, qboId)));
    }

    @PutMapping("/realms/{realmId}/applied-payloads/{qboEntity}/{qboId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> saveAppliedPayload(@PathVariable String realmId, @PathVariable String qboEntity,
            @PathVariable String qboId, @RequestBody(required = false) AppliedPayloadJson body) {
        return Blocking.run(() -> records.saveAppliedPayload(realmId, qboEntity, qboId,
                Requests.text(Requests.body(body).payloadHash(), "payloadHash")));
    }

    @GetMapping("/realms/{realmId}/cdc-cursor")
    Mono<CdcCursorJson> cdcCursor(@PathVariable String realmId) {
        return Blocking.call(() -> new CdcCursorJson(records.cdcCursor(realmId).toString()));
    }

    @PutMapping("/realms/{realmId}/cdc-cursor")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> saveCdcCursor(@PathVariable String realmId, @RequestBody(required = false) CdcCursorJson body) {
        return Blocking.run(() -> records.saveCdcCursor(realmId,
                Requests.instant(Requests.body(body).changedSince(), "changedSince")));
    }
}
