package com.cpsync.inbound.application;

import java.net.ConnectException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.inbound.domain.change.QboEntity;
import com.cpsync.inbound.domain.decision.InboundSettings;
import com.cpsync.qbo.client.QboFaultException;
import com.cpsync.syncsupport.mapping.AnnouncedCreate;
import com.cpsync.syncsupport.mapping.LinkClash;
import com.cpsync.syncsupport.mapping.LinkedEntity;
import com.cpsync.syncsupport.mapping.OurWrite;

/** In-memory fakes of the ports, for use-case tests without Spring, Kafka or HTTP. */
final class InMemoryPorts {

    private InMemoryPorts() {
    }

    static final class Mapping implements MappingDirectory {
        final Map<String, Connection> byRealm = new LinkedHashMap<>();
        /** mapping-service not up yet: listing the connections meets a refused connection. */
        boolean refusingConnections;
        final Map<String, String> links = new HashMap<>();
        final Map<String, String> writes = new HashMap<>();
        final Map<String, String> writeTraces = new HashMap<>();
        final Map<String, Instant> applied = new HashMap<>();
        final Map<String, Instant> cursors = new HashMap<>();
        final Map<String, String> payloads = new HashMap<>();
        /** cp-outbound's open announced creates, of every realm. */
        final List<AnnouncedCreate> announced = new ArrayList<>();
        /** What cp-outbound does between this service's first look at a link and its look at the announcements. */
        Runnable beforeAnnouncementsRead = () -> { };

        @Override
        public Optional<Connection> connectionOfRealm(String realmId) {
            return Optional.ofNullable(byRealm.get(realmId));
        }

        @Override
        public List<Connection> connections() {
            if (refusingConnections) {
                throw new IllegalStateException("I/O error on GET request for \"http://localhost:8081/connections\"",
                        new ConnectException("Connection refused"));
            }
            return byRealm.values().stream().filter(Connection::connected).toList();
        }

        @Override
        public Optional<String> centerpointIdOf(String tenantId, String entityType, String qboId) {
            return Optional.ofNullable(links.get(tenantId + "/" + entityType + "/" + qboId));
        }

        /** A QBO id linked to another Centerpoint id is mapping-service's 409, which the client turns into a LinkClash. */
        @Override
        public void link(String tenantId, String entityType, String centerpointId, String qboId) {
            String linkedTo = links.putIfAbsent(tenantId + "/" + entityType + "/" + qboId, centerpointId);
            if (linkedTo != null && !linkedTo.equals(centerpointId)) {
                throw new LinkClash(LinkedEntity.valueOf(entityType), centerpointId, qboId,
                        "QBO id " + qboId + " is already linked to " + linkedTo, null);
            }
        }

        @Override
        public int repoint(String tenantId, String entityType, String fromQboId, String toQboId) {
            String cp = links.remove(tenantId + "/" + entityType + "/" + fromQboId);
            if (cp == null) {
                return 0;
            }
            links.put(tenantId + "/" + entityType + "/" + toQboId, cp);
            return 1;
        }

        @Override
        public List<AnnouncedCreate> announcedCreates(String realmId, String displayName) {
            beforeAnnouncementsRead.run();
            return announced.stream().filter(a -> a.displayName().equals(displayName)).toList();
        }

        @Override
        public List<AnnouncedCreate> announcedCreatesOf(String realmId, LinkedEntity entity) {
            beforeAnnouncementsRead.run();
            return announced.stream().filter(a -> a.entity() == entity).toList();
        }

        @Override
        public Optional<String> appliedPayload(String realmId, String qboEntity, String qboId) {
            return Optional.ofNullable(payloads.get(realmId + "/" + qboEntity + "/" + qboId));
        }

        @Override
        public void saveAppliedPayload(String realmId, String qboEntity, String qboId, String payloadHash) {
            payloads.put(realmId + "/" + qboEntity + "/" + qboId, payloadHash);
        }

        @Override
        public Optional<OurWrite> ourWrite(String realmId, String qboEntity, String qboId) {
            String key = realmId + "/" + qboEntity + "/" + qboId;
            return Optional.ofNullable(writes.get(key)).map(syncToken -> new OurWrite(syncToken, writeTraces.get(key)));
        }

        @Override
        public boolean markApplied(String realmId, String qboEntity, String qboId, Instant lastUpdated,
                String syncToken) {
            String key = realmId + "/" + qboEntity + "/" + qboId;
            Instant stored = applied.get(key);
            if (stored != null && !lastUpdated.isAfter(stored)) {
                return false;
            }
            applied.put(key, lastUpdated);
            return true;
        }

        @Override
        public Optional<Instant> cdcCursor(String realmId) {
            return Optional.ofNullable(cursors.get(realmId));
        }

        @Override
        public void saveCdcCursor(String realmId, Instant changedSince) {
            cursors.put(realmId, changedSince);
        }
    }

    /** A QBO realm's current entities; counts metered calls. */
    static final class Qbo implements QboReads {
        final Map<String, String> entities = new LinkedHashMap<>();
        final Map<String, Instant> updated = new HashMap<>();
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        int reads;
        int cdcCalls;
        final Map<String, Integer> callsByRealm = new HashMap<>();
        int cdcLimit = 1000;
        boolean refusing;
        /** Realms whose QBO is down (5xx after the client's retries): a transient failure. */
        final Set<String> down = new HashSet<>();
        /** Realms QBO throttles: a 429 without Retry-After, as QBO sends it. */
        final Set<String> throttled = new HashSet<>();

        void put(QboEntity entity, String id, String json, Instant lastUpdated) {
            entities.put(entity.qboName() + "/" + id, json);
            updated.put(entity.qboName() + "/" + id, lastUpdated);
        }

        @Override
        public Optional<String> read(Connection connection, QboEntity entity, String id) {
            reads++;
            called(connection);
            if (down.contains(connection.realmId())) {
                throw new IllegalStateException("QBO answered 503 for realm " + connection.realmId());
            }
            if (refusing) {
                throw new QboReadFailedException("QBO refused the read: AuthorizationFault", "3100", null);
            }
            return Optional.ofNullable(entities.get(entity.qboName() + "/" + id));
        }

        @Override
        public CdcPage cdc(Connection connection, Collection<QboEntity> polled, Instant changedSince) {
            cdcCalls++;
            called(connection);
            List<CdcObject> objects = new ArrayList<>();
            updated.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(entry -> {
                String[] key = entry.getKey().split("/");
                QboEntity entity = QboEntity.ofQboName(key[0]).orElseThrow();
                if (polled.contains(entity) && !entry.getValue().isBefore(changedSince) && objects.size() < cdcLimit) {
                    objects.add(new CdcObject(entity, key[1], entities.get(entry.getKey()), false, entry.getValue(),
                            entry.getValue()));
                }
            });
            return new CdcPage(now, objects);
        }

        int callsOf(String realmId) {
            return callsByRealm.getOrDefault(realmId, 0);
        }

        private void called(Connection connection) {
            callsByRealm.merge(connection.realmId(), 1, Integer::sum);
            if (throttled.contains(connection.realmId())) {
                throw new QboFaultException(429, "3001", "ThrottleExceeded", "Too many requests", "SERVICE", null, null);
            }
        }
    }

    static final class Changes implements ChangePublisher {
        final List<EntityChange> changes = new ArrayList<>();

        @Override
        public CompletableFuture<Void> publish(List<EntityChange> published) {
            changes.addAll(published);
            return CompletableFuture.completedFuture(null);
        }
    }

    static final class Publisher implements InboundPublisher {
        final List<Emission> emissions = new ArrayList<>();
        final List<EntityChange> deadLetters = new ArrayList<>();
        final List<String> deadLetterReasons = new ArrayList<>();
        final List<EntityChange> retried = new ArrayList<>();

        @Override
        public void publish(List<Emission> published) {
            emissions.addAll(published);
        }

        @Override
        public void deadLetter(EntityChange change, String reason) {
            deadLetters.add(change);
            deadLetterReasons.add(reason);
        }

        @Override
        public void forwardToRetry(List<EntityChange> changes) {
            retried.addAll(changes);
        }

        List<Emission> commands() {
            return emissions.stream().filter(e -> e.commandId() != null).toList();
        }
    }

    static final class Settings implements SettingsDirectory {
        final Map<String, InboundSettings> byTenant = new HashMap<>();

        @Override
        public Optional<InboundSettings> of(String tenantId) {
            return Optional.ofNullable(byTenant.get(tenantId));
        }

        @Override
        public void awaitCaughtUp() {
        }
    }

    static final class Metrics implements InboundMetrics {
        int consumed;
        int duplicates;
        final List<String> ignored = new ArrayList<>();

        @Override
        public void changeConsumed(String entityName) {
            consumed++;
        }

        @Override
        public void duplicateCollapsed(String entityName) {
            duplicates++;
        }

        @Override
        public void ignoredEntity(String entityName) {
            ignored.add(entityName);
        }
    }
}
