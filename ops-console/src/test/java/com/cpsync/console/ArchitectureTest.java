package com.cpsync.console;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.cpsync.testsupport.LayerRules;

/** The house layering (shared/STYLE.md): a pure domain, use cases behind ports, no package cycles. */
class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> shouldFollowTheHouseLayering() {
        return LayerRules.of("com.cpsync.console").domainIsPure()
                .applicationUsesPortsOnly(LayerRules.syncSupportTransport())
                .tests();
    }
}
