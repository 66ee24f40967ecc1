package com.cpsync.deploy.demo;

import java.time.Duration;
import java.util.Map;

/**
 * What every group of demo steps works with: the two public APIs, the poller and its timeout, and
 * the ids learnt by earlier steps for later ones.
 */
record DemoContext(StandInApi centerpoint, SandboxApi qbo, Poller poller, Duration timeout, Map<String, String> seen) {
}
