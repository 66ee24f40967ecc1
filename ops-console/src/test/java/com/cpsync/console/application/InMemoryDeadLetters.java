package com.cpsync.console.application;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.cpsync.console.application.port.DeadLetterStore;
import com.cpsync.console.domain.deadletter.ConsumedDeadLetter;
import com.cpsync.console.domain.deadletter.DeadLetter;
import com.cpsync.console.domain.deadletter.DeadLetterFacts;
import com.cpsync.console.domain.deadletter.DeadLetterRecord;

/** The dead-letter store in a map. */
final class InMemoryDeadLetters implements DeadLetterStore {

    private record Row(DeadLetterRecord record, String claimedBy, Instant claimedAt, Instant replayedAt) {
    }

    final Map<Long, Row> rows = new LinkedHashMap<>();

    long put(ConsumedDeadLetter record) {
        long id = rows.size() + 1;
        add(record, DeadLetterFacts.of(record), "summary");
        return id;
    }

    @Override
    public void add(ConsumedDeadLetter record, DeadLetterFacts facts, String payloadSummary) {
        long id = rows.size() + 1;
        DeadLetter letter = new DeadLetter(id, record.position(), facts, payloadSummary, record.deadLetteredAt(),
                null, null);
        rows.put(id, new Row(new DeadLetterRecord(letter, record.key(), record.value(), record.headers()), null, null,
                null));
    }

    @Override
    public List<DeadLetter> list(String tenantId, int limit) {
        return rows.keySet().stream().map(this::find).map(Optional::orElseThrow).map(DeadLetterRecord::letter)
                .filter(letter -> tenantId == null || tenantId.equals(letter.facts().tenantId())).limit(limit).toList();
    }

    @Override
    public Optional<DeadLetterRecord> find(long id) {
        Row row = rows.get(id);
        if (row == null) {
            return Optional.empty();
        }
        DeadLetter letter = row.record().letter();
        return Optional.of(new DeadLetterRecord(new DeadLetter(letter.id(), letter.position(), letter.facts(),
                letter.payloadSummary(), letter.deadLetteredAt(), row.replayedAt(), row.claimedBy()),
                row.record().key(), row.record().value(), row.record().headers()));
    }

    @Override
    public boolean claimReplay(long id, String actor, Instant at) {
        Row row = rows.get(id);
        if (row.claimedAt() != null) {
            return false;
        }
        rows.put(id, new Row(row.record(), actor, at, null));
        return true;
    }

    @Override
    public void replayed(long id, Instant at) {
        Row row = rows.get(id);
        rows.put(id, new Row(row.record(), row.claimedBy(), row.claimedAt(), at));
    }

    @Override
    public void releaseClaim(long id) {
        Row row = rows.get(id);
        rows.put(id, new Row(row.record(), null, null, null));
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        int before = rows.size();
        rows.values().removeIf(row -> row.record().letter().deadLetteredAt().isBefore(cutoff));
        return before - rows.size();
    }
}
