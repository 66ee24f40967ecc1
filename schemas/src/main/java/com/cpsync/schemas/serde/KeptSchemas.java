package com.cpsync.schemas.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

import com.cpsync.schemas.avro.CenterpointCommand;
import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.schemas.avro.ConflictResolution;
import com.cpsync.schemas.avro.QboEntityChange;
import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.schemas.avro.SyncSettings;
import com.cpsync.schemas.avro.TenantStatus;

/**
 * Every top-level record class and every released version of its schema, as kept in
 * {@code src/main/avro-history/<RecordName>/v1.avsc, v2.avsc, ...} (shipped in the jar).
 */
public final class KeptSchemas {

    /** The top-level records: the value types of the five public topics and of cp-outbound's own two. */
    public static final List<Class<? extends SpecificRecord>> TOP_LEVEL_RECORDS = List.of(
            CenterpointEvent.class, SyncSettings.class, CenterpointCommand.class,
            QboEntityChange.class, SyncOutcome.class, ConflictResolution.class, TenantStatus.class);

    private static final String HISTORY_ROOT = "/avro-history/";

    private KeptSchemas() {
    }

    /** The kept versions of a record, oldest first (v1, v2, ... until the first gap). */
    public static List<Schema> versionsOf(String recordName) {
        List<Schema> versions = new ArrayList<>();
        for (int version = 1; ; version++) {
            String resource = HISTORY_ROOT + recordName + "/v" + version + ".avsc";
            try (InputStream in = KeptSchemas.class.getResourceAsStream(resource)) {
                if (in == null) {
                    return versions;
                }
                versions.add(new Schema.Parser().parse(in));
            }
            catch (IOException ex) {
                throw new UncheckedIOException("Cannot read kept schema " + resource, ex);
            }
        }
    }
}
