package com.cpsync.console.adapter.out.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.cpsync.console.application.port.DeadLetterStore;
import com.cpsync.console.domain.deadletter.ConsumedDeadLetter;
import com.cpsync.console.domain.deadletter.DeadLetter;
import com.cpsync.console.domain.deadletter.DeadLetterFacts;
import com.cpsync.console.domain.deadletter.DeadLetterRecord;
import com.cpsync.console.domain.deadletter.Header;

/** Dead letters in PostgreSQL: one row each with its key and value bytes, its headers in order beside it. */
public record DeadLetterJdbcStore(JdbcClient jdbc, TransactionTemplate transactions) implements DeadLetterStore {

    @Override
    public void add(ConsumedDeadLetter record, DeadLetterFacts facts, String payloadSummary) {
        transactions.executeWithoutResult(status -> insert(record, facts, payloadSummary)
                .ifPresent(id -> insertHeaders(id, record.headers())));
    }

    private Optional<Long> insert(ConsumedDeadLetter record, DeadLetterFacts facts, String payloadSummary) {
        return jdbc.sql("""
                insert into dead_letter (record_topic, record_partition, record_offset, original_topic,
                    original_partition, original_offset, record_key, record_value, key_text, tenant_id, realm_id,
                    reason, exception_class, replay_of, payload_summary, dead_lettered_at)
                values (:topic, :partition, :offset, :originalTopic, :originalPartition, :originalOffset, :key,
                    :value, :keyText, :tenantId, :realmId, :reason, :exceptionClass, :replayOf, :summary, :at)
                on conflict on constraint dead_letter_position do nothing
                returning id""")
                .params(RecordPositions.params(record.position()))
                .param("originalTopic", facts.originalTopic())
                .param("originalPartition", facts.originalPartition())
                .param("originalOffset", facts.originalOffset())
                .param("key", record.key())
                .param("value", record.value())
                .param("keyText", Texts.printable(facts.key()))
                .param("tenantId", Texts.printable(facts.tenantId()))
                .param("realmId", Texts.printable(facts.realmId()))
                .param("reason", Texts.printable(facts.reason()))
                .param("exceptionClass", Texts.printable(facts.exceptionClass()))
                .param("replayOf", Texts.printable(facts.replayOf()))
                .param("summary", Texts.printable(payloadSummary))
                .param("at", Timestamps.of(record.deadLetteredAt()))
                .query(Long.class).optional();
    }

    private void insertHeaders(long id, List<Header> headers) {
        for (int position = 0; position < headers.size(); position++) {
            Header header = headers.get(position);
            jdbc.sql("insert into dead_letter_header (dead_letter_id, position, name, value) values (?, ?, ?, ?)")
                    .params(id, position, header.name(), header.value()).update();
        }
    }

    @Override
    public List<DeadLetter> list(String tenantId, int limit) {
        String where = tenantId == null ? "" : "where tenant_id = :tenantId ";
        JdbcClient.StatementSpec statement = jdbc.sql("select * from dead_letter " + where
                + "order by dead_lettered_at desc, id desc limit :limit").param("limit", limit);
        if (tenantId != null) {
            statement = statement.param("tenantId", tenantId);
        }
        return statement.query((row, rowNumber) -> letter(row)).list();
    }

    @Override
    public Optional<DeadLetterRecord> find(long id) {
        return jdbc.sql("select * from dead_letter where id = :id").param("id", id)
                .query((row, rowNumber) -> new DeadLetterRecord(letter(row), row.getBytes("record_key"),
                        row.getBytes("record_value"), headersOf(id)))
                .optional();
    }

    private List<Header> headersOf(long id) {
        return jdbc.sql("select name, value from dead_letter_header where dead_letter_id = :id order by position")
                .param("id", id)
                .query((row, rowNumber) -> new Header(row.getString("name"), row.getBytes("value"))).list();
    }

    @Override
    public boolean claimReplay(long id, String actor, Instant at) {
        return jdbc.sql("""
                update dead_letter set replay_claimed_by = :actor, replay_claimed_at = :at
                where id = :id and replay_claimed_at is null""")
                .param("actor", actor).param("at", Timestamps.of(at)).param("id", id).update() == 1;
    }

    @Override
    public void replayed(long id, Instant at) {
        jdbc.sql("update dead_letter set replayed_at = :at where id = :id")
                .param("at", Timestamps.of(at)).param("id", id).update();
    }

    @Override
    public void releaseClaim(long id) {
        jdbc.sql("update dead_letter set replay_claimed_by = null, replay_claimed_at = null where id = :id")
                .param("id", id).update();
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        return jdbc.sql("delete from dead_letter where dead_lettered_at < :cutoff")
                .param("cutoff", Timestamps.of(cutoff)).update();
    }

    private static DeadLetter letter(ResultSet row) throws SQLException {
        DeadLetterFacts facts = new DeadLetterFacts(row.getString("original_topic"),
                (Integer) row.getObject("original_partition"), (Long) row.getObject("original_offset"),
                row.getString("key_text"), row.getString("tenant_id"), row.getString("realm_id"),
                row.getString("reason"), row.getString("exception_class"), row.getString("replay_of"));
        return new DeadLetter(row.getLong("id"), RecordPositions.read(row), facts, row.getString("payload_summary"),
                Timestamps.read(row, "dead_lettered_at"), Timestamps.read(row, "replayed_at"),
                row.getString("replay_claimed_by"));
    }
}
