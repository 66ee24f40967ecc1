package com.cpsync.inbound.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cpsync.inbound.application.QboReads.CdcObject;
import com.cpsync.inbound.application.QboReads.CdcPage;
import com.cpsync.inbound.domain.change.ChangeOperation;
import com.cpsync.inbound.domain.change.ChangeSource;
import com.cpsync.inbound.domain.change.DeterministicIds;
import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.inbound.domain.change.QboEntity;

/**
 * The CDC poller: for one realm, asks QBO what changed since the realm's cursor and publishes every
 * object (with its JSON, so processing needs no read) to {@code qbo.changes.v1}. The cursor moves to
 * QBO's response time minus an overlap, and only after Kafka acknowledged the records.
 *
 * <p>CDC answers at most 1000 objects and has no paging and no end bound. A full answer is narrowed:
 * each entity is asked on its own, and an entity still full continues from the update time of the
 * last object it returned (QBO orders each entity's objects by update time).
 *
 * @param parking      shared with change processing: a realm parked there is not polled, and a realm
 *                     that asks to wait here is parked there too
 * @param waitAskedFor how long a failure asks to wait (a throttle's Retry-After, or QBO's 60 s), if it says
 */
public record PollCdc(MappingDirectory mapping, QboReads qbo, ChangePublisher publisher, CdcSettings settings,
        RealmParking parking, Function<RuntimeException, Optional<Duration>> waitAskedFor, Clock clock) {

    private static final Logger log = LoggerFactory.getLogger(PollCdc.class);
    static final int CDC_MAX_OBJECTS = 1000;
    private static final Duration MAX_LOOK_BACK = Duration.ofDays(30).minusMinutes(5);

    /**
     * Polls every connected realm that is not parked. One failing realm does not stop the others, a
     * throttled one is parked for the wait it asks for, and when the realms cannot be listed at all
     * (mapping-service not up yet) the round is skipped with one line: the next interval tries again.
     *
     * @return how many realms were polled
     */
    public int pollAll() {
        List<Connection> connections;
        try {
            connections = mapping.connections();
        }
        catch (RuntimeException unavailable) {
            log.warn("CDC poll skipped: the connected realms could not be listed from mapping-service ({}); "
                    + "the next poll tries again", rootCause(unavailable));
            return 0;
        }
        int polled = 0;
        for (Connection connection : connections) {
            if (parking.route(connection.realmId()) == RealmParking.Route.RETRY_LATER) {
                log.debug("CDC poll of realm {} skipped: parked", connection.realmId());
                continue;
            }
            polled++;
            pollParkingOnWait(connection);
        }
        return polled;
    }

    private void pollParkingOnWait(Connection connection) {
        try {
            poll(connection);
            parking.recovered(connection.realmId());
        }
        catch (RuntimeException ex) {
            Optional<Duration> wait = waitAskedFor.apply(ex);
            if (wait.isPresent()) {
                Duration parked = parking.park(connection.realmId(), wait);
                log.warn("CDC poll of realm {} must wait ({}): not polled for {} s", connection.realmId(),
                        rootCause(ex), parked.toSeconds());
            }
            else {
                log.warn("CDC poll of realm {} failed, the next interval retries: {}", connection.realmId(),
                        rootCause(ex));
            }
        }
    }

    /**
     * The innermost cause, e.g. "ConnectException: Connection refused": it says more than the wrappers
     * around it (an HTTP client's ConnectException may carry no message at all, so then its name alone).
     */
    static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /** Returns how many changes were published. */
    public int poll(Connection connection) {
        Instant now = clock.instant();
        Instant floor = now.minus(MAX_LOOK_BACK);
        Instant since = mapping.cdcCursor(connection.realmId()).orElse(now.minus(settings.firstLookBack()));
        if (since.isBefore(floor)) {
            log.warn("realm {} CDC cursor {} is older than QBO's 30-day look-back: polling from {}",
                    connection.realmId(), since, floor);
            since = floor;
        }
        CdcPage page = qbo.cdc(connection, settings.entities(), since);
        List<CdcObject> objects = new ArrayList<>(page.objects());
        if (objects.size() >= CDC_MAX_OBJECTS) {
            objects = narrowed(connection, since);
        }
        List<EntityChange> changes = objects.stream().map(object -> toChange(connection, object, now)).toList();
        publisher.publish(changes).join();
        mapping.saveCdcCursor(connection.realmId(), page.time().minus(settings.overlap()));
        return changes.size();
    }

    private List<CdcObject> narrowed(Connection connection, Instant since) {
        List<CdcObject> all = new ArrayList<>();
        for (QboEntity entity : settings.entities()) {
            Instant from = since;
            while (true) {
                List<CdcObject> objects = qbo.cdc(connection, List.of(entity), from).objects();
                all.addAll(objects);
                if (objects.size() < CDC_MAX_OBJECTS) {
                    break;
                }
                Instant last = objects.stream().map(CdcObject::lastUpdated).max(Comparator.naturalOrder()).orElse(from);
                if (!last.isAfter(from)) {
                    log.warn("realm {}: more than {} {} changes at {}; some may wait for webhooks",
                            connection.realmId(), CDC_MAX_OBJECTS, entity.qboName(), from);
                    break;
                }
                from = last;
            }
        }
        return all;
    }

    private static EntityChange toChange(Connection connection, CdcObject object, Instant now) {
        ChangeOperation operation = object.deleted() ? ChangeOperation.DELETE
                : object.lastUpdated().equals(object.createdAt()) ? ChangeOperation.CREATE : ChangeOperation.UPDATE;
        String changeId = DeterministicIds.changeId(connection.realmId(), object.entity(), object.id(), operation,
                object.lastUpdated());
        return new EntityChange(changeId, connection.realmId(), object.entity(), object.id(), operation,
                object.lastUpdated(), null, ChangeSource.CDC, now, object.deleted() ? null : object.json());
    }
}
