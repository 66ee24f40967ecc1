package com.cpsync.standin.json;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;

import com.cpsync.schemas.avro.CenterpointCommand;

/** The JSON the stand-in answers with: Avro field names, plus the command's payload type. */
public final class StandInJsonViews {

    private StandInJsonViews() {
    }

    public static Map<String, Object> record(SpecificRecord record) {
        return AvroJsonWriter.toJson(record);
    }

    /** {@code {"commandId",…,"type":"UpsertCompany","payload":{…}}}. */
    public static Map<String, Object> command(CenterpointCommand command) {
        Map<String, Object> json = new LinkedHashMap<>(AvroJsonWriter.toJson(command));
        json.put("type", ((SpecificRecord) command.getPayload()).getSchema().getName());
        return json;
    }

    /** The company's fields plus {@code qboCustomerId} (null for companies QBO has not told us about). */
    public static Map<String, Object> company(SpecificRecord company, String qboCustomerId) {
        Map<String, Object> json = new LinkedHashMap<>(AvroJsonWriter.toJson(company));
        json.put("qboCustomerId", qboCustomerId);
        return json;
    }
}
