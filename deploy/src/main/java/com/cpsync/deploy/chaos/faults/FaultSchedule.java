package com.cpsync.deploy.chaos.faults;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The faults of a chaos run, decided up front from its seed: which and at which workload step, so the
 * same seed meets the same faults at the same moments. Every run has, for each sync service, a SIGKILL
 * and restart; a second instance of cp-outbound and of qbo-inbound for a while; a Kafka restart; on
 * every realm QBO's unkind defaults (no {@code requestid} replay, duplicate DocNumbers allowed, no
 * Retry-After) plus lost replies, late replies and 5xx until the workload ends; a 429 storm on half
 * the realms; and duplicated, shuffled and dropped webhook POSTs until the workload ends.
 */
public final class FaultSchedule {

    /** Services a second instance runs for: the Kafka consumers, whose groups rebalance. */
    private static final List<SyncService> SCALED = List.of(SyncService.OUTBOUND, SyncService.INBOUND);

    private final int steps;
    private final List<Fault> faults;

    private FaultSchedule(int steps, List<Fault> faults) {
        this.steps = steps;
        this.faults = faults;
    }

    /**
     * @param lateReplyMs how late a "timed out" reply comes: longer than the services' QBO client waits
     */
    public static FaultSchedule plan(long seed, int steps, List<String> realmIds, long lateReplyMs) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        List<Fault> faults = new ArrayList<>();
        realmFaults(random, seed, steps, realmIds, lateReplyMs, faults);
        webhookFaults(random, seed, steps, faults);
        serviceFaults(random, steps, faults);
        faults.sort(Comparator.comparingInt(Fault::atStep));
        return new FaultSchedule(steps, List.copyOf(faults));
    }

    public List<Fault> faults() {
        return faults;
    }

    /** The faults to apply before step {@code step} is played ({@code steps}: after the last). */
    public List<Fault> at(int step) {
        return faults.stream().filter(f -> f.atStep() == step).toList();
    }

    /** What was going on when step {@code step} was played in realm {@code realmId}, for the auditor's findings. */
    public List<String> inEffectAt(int step, String realmId) {
        List<String> inEffect = new ArrayList<>();
        Map<String, Fault> latest = new LinkedHashMap<>();
        for (Fault fault : faults) {
            if (fault.atStep() > step) {
                break;
            }
            if (fault.kind() == FaultKind.KILL_SERVICE || fault.kind() == FaultKind.RESTART_KAFKA) {
                if (step - fault.atStep() <= Math.max(5, steps / 10)) {
                    inEffect.add(fault.kind() == FaultKind.RESTART_KAFKA ? "Kafka restarted at step " + fault.atStep()
                            : fault.target() + " killed at step " + fault.atStep());
                }
            }
            else if (fault.kind() == FaultKind.SECOND_INSTANCE_DOWN) {
                latest.remove(FaultKind.SECOND_INSTANCE_UP + " " + fault.target() + " " + fault.settings().keySet());
            }
            else if (fault.kind() != FaultKind.REALM_FAULTS || fault.target().equals(realmId)) {
                latest.put(fault.kind() + " " + fault.target() + " " + fault.settings().keySet(), fault);
            }
        }
        latest.values().stream().map(FaultSchedule::stateOf).filter(s -> !s.isEmpty()).forEach(inEffect::add);
        return inEffect;
    }

    private static String stateOf(Fault fault) {
        Map<String, Object> s = fault.settings();
        switch (fault.kind()) {
            case SECOND_INSTANCE_UP:
                return "second " + fault.target() + " running";
            case WEBHOOK_FAULTS:
                return Boolean.TRUE.equals(s.get("shuffle")) ? "webhooks duplicated x" + s.get("duplicates")
                        + ", shuffled, " + s.get("dropRate") + " dropped" : "";
            case REALM_FAULTS:
                if (s.containsKey("requestsPerSecond")) {
                    return ((Number) s.get("requestsPerSecond")).intValue() < 10 ? "429 storm" : "";
                }
                if (s.containsKey("lostReplyRate")) {
                    return ((Number) s.get("errorRate")).doubleValue() > 0 ? "lost replies " + s.get("lostReplyRate") + " ("
                            + s.get("lostReply") + "), late replies " + s.get("timeoutRate") + ", " + s.get("errorStatus")
                            + " at " + s.get("errorRate") : "";
                }
                return "";
            default:
                return "";
        }
    }

    private static void realmFaults(Random random, long seed, int steps, List<String> realmIds, long lateReplyMs,
            List<Fault> faults) {
        List<String> stormy = new ArrayList<>(realmIds);
        Collections.shuffle(stormy, random);
        stormy = stormy.subList(0, (realmIds.size() + 1) / 2);
        for (int i = 0; i < realmIds.size(); i++) {
            String realm = realmIds.get(i);
            faults.add(new Fault(0, FaultKind.REALM_FAULTS, realm, Map.of("requestIdReplay", false,
                    "duplicateDocNumbers", "ALLOW", "retryAfter", false, "seed", seed * 31 + i)));
            Map<String, Object> unkind = new LinkedHashMap<>();
            unkind.put("lostReplyRate", rate(random, 0.05, 0.10));
            unkind.put("lostReply", random.nextBoolean() ? "BAD_GATEWAY" : "CLOSE");
            unkind.put("timeoutRate", rate(random, 0.02, 0.04));
            unkind.put("timeoutMs", lateReplyMs);
            unkind.put("errorRate", rate(random, 0.05, 0.10));
            unkind.put("errorStatus", List.of(500, 502, 503).get(random.nextInt(3)));
            faults.add(new Fault(position(random, steps, 0.05, 0.15), FaultKind.REALM_FAULTS, realm, unkind));
            faults.add(new Fault(steps, FaultKind.REALM_FAULTS, realm,
                    Map.of("lostReplyRate", 0.0, "timeoutRate", 0.0, "errorRate", 0.0)));
            if (stormy.contains(realm)) {
                int start = position(random, steps, 0.30, 0.55);
                faults.add(new Fault(start, FaultKind.REALM_FAULTS, realm, Map.of("requestsPerSecond", 1, "requestsPerMinute", 20)));
                faults.add(new Fault(Math.min(steps, start + Math.max(1, steps * 12 / 100)), FaultKind.REALM_FAULTS, realm,
                        Map.of("requestsPerSecond", 10, "requestsPerMinute", 500)));
            }
        }
    }

    private static void webhookFaults(Random random, long seed, int steps, List<Fault> faults) {
        faults.add(new Fault(position(random, steps, 0.03, 0.10), FaultKind.WEBHOOK_FAULTS, null, Map.of(
                "duplicates", 2 + random.nextInt(2), "shuffle", true, "dropRate", rate(random, 0.10, 0.15), "seed", seed)));
        faults.add(new Fault(steps, FaultKind.WEBHOOK_FAULTS, null, Map.of("duplicates", 1, "shuffle", false, "dropRate", 0.0)));
    }

    private static void serviceFaults(Random random, int steps, List<Fault> faults) {
        List<SyncService> killOrder = new ArrayList<>(List.of(SyncService.values()));
        Collections.shuffle(killOrder, random);
        double[][] killWindows = {{0.15, 0.30}, {0.35, 0.50}, {0.55, 0.70}};
        for (int i = 0; i < killOrder.size(); i++) {
            faults.add(new Fault(position(random, steps, killWindows[i][0], killWindows[i][1]), FaultKind.KILL_SERVICE,
                    killOrder.get(i).serviceName(), Map.of()));
        }
        double[][] upWindows = {{0.10, 0.20}, {0.20, 0.30}};
        double[][] downWindows = {{0.60, 0.75}, {0.70, 0.85}};
        for (int i = 0; i < SCALED.size(); i++) {
            String service = SCALED.get(i).serviceName();
            faults.add(new Fault(position(random, steps, upWindows[i][0], upWindows[i][1]), FaultKind.SECOND_INSTANCE_UP,
                    service, Map.of()));
            faults.add(new Fault(position(random, steps, downWindows[i][0], downWindows[i][1]), FaultKind.SECOND_INSTANCE_DOWN,
                    service, Map.of()));
        }
        faults.add(new Fault(position(random, steps, 0.75, 0.90), FaultKind.RESTART_KAFKA, null, Map.of()));
    }

    /** A step in [from, to) of the run, drawn from the seed. */
    private static int position(Random random, int steps, double from, double to) {
        double at = from + random.nextDouble() * (to - from);
        return Math.min(steps - 1, (int) Math.floor(at * steps));
    }

    /** A rate with two decimals, so the settings read well in the report. */
    private static double rate(Random random, double from, double spread) {
        return BigDecimal.valueOf(from + random.nextDouble() * spread).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
