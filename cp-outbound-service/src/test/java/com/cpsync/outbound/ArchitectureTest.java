package com.cpsync.outbound;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.cpsync.testsupport.LayerRules;

/** The house layering (shared/STYLE.md), with the shared rules of test-support. */
class ArchitectureTest {

    private static final String BASE = "com.cpsync.outbound";
    /**
     * qbo-client is an HTTP client: only adapter/out/http and config may use it. Its pure name rule
     * ({@code com.cpsync.qbo.client.names}) is the one exception: the domain names jobs and customers by it.
     */
    private static final String QBO_CLIENT = "com.cpsync.qbo.client";

    @TestFactory
    Stream<DynamicTest> shouldFollowTheHouseLayering() {
        return LayerRules.of(BASE).domainIsPure(QBO_CLIENT, "com.cpsync.syncsupport..")
                .applicationUsesPortsOnly(QBO_CLIENT)
                .applicationUsesPortsOnly(LayerRules.syncSupportTransport())
                .tests();
    }
}
