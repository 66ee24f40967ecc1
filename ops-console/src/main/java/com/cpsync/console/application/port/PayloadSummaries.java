package com.cpsync.console.application.port;

/** A short, readable account of a record's value for people: the decoded record, or why it cannot be read. */
public interface PayloadSummaries {

    String summarise(String topic, byte[] value);
}
