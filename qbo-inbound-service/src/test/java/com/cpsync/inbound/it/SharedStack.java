package com.cpsync.inbound.it;

import com.cpsync.testsupport.apps.SharedSpringContext;

/**
 * Closes what the inbound ITs share once, after the last of them, so the fork exits by itself: the topic
 * recorder, then this app's context with its embedded broker (test-support closes the sandbox and
 * mapping-service after it).
 */
final class SharedStack extends SharedSpringContext {

    @Override
    protected void beforeClosing() throws InterruptedException {
        InboundItBase.closeTopics();
    }
}
