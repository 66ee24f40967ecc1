package com.cpsync.console.adapter.out.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import com.cpsync.console.domain.outcome.TopicPosition;

/**
 * A consumed record's position, kept the same way by every indexed table (columns {@code record_topic},
 * {@code record_partition}, {@code record_offset}; parameters {@code :topic}, {@code :partition}, {@code :offset}).
 */
final class RecordPositions {

    private RecordPositions() {
    }

    static Map<String, Object> params(TopicPosition position) {
        return Map.of("topic", position.topic(), "partition", position.partition(), "offset", position.offset());
    }

    static TopicPosition read(ResultSet row) throws SQLException {
        return new TopicPosition(row.getString("record_topic"), row.getInt("record_partition"),
                row.getLong("record_offset"));
    }
}
