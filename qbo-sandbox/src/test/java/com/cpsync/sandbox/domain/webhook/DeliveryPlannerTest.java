package com.cpsync.sandbox.domain.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryPlannerTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Duration MAX_HOLD = Duration.ofSeconds(2);

    private static DeliveryPlanner<String> planner(WebhookFaults faults) {
        DeliveryPlanner<String> planner = new DeliveryPlanner<>(MAX_HOLD);
        planner.faults(faults, true);
        return planner;
    }

    /** One fresh POST per round, as when events come one aggregation window apart; everything sent, in order. */
    private static List<String> sendOneByOne(DeliveryPlanner<String> planner, int posts) {
        List<String> sent = new ArrayList<>();
        for (int i = 1; i <= posts; i++) {
            sent.addAll(planner.plan(List.of("p" + i), T0.plusMillis(i)));
        }
        sent.addAll(planner.plan(List.of(), T0.plus(MAX_HOLD).plusSeconds(1)));
        return sent;
    }

    @Test
    void shouldSendEveryPostOnceInOrderWithoutFaults() {
        assertThat(sendOneByOne(planner(WebhookFaults.NONE), 5)).containsExactly("p1", "p2", "p3", "p4", "p5");
    }

    @Test
    void shouldSendEachPostAsOftenAsDuplicatesSays() {
        assertThat(planner(new WebhookFaults(3, false, 0.0, null)).plan(List.of("a", "b"), T0))
                .containsExactly("a", "a", "a", "b", "b", "b");
    }

    @Test
    void shouldDropEveryPostAtRateOneAndCountThem() {
        DeliveryPlanner<String> planner = planner(new WebhookFaults(1, false, 1.0, null));

        assertThat(planner.plan(List.of("a", "b"), T0)).isEmpty();
        assertThat(planner.dropped()).isEqualTo(2);
    }

    @Test
    void shouldDropTheSamePostsForTheSameSeed() {
        WebhookFaults halfDropped = new WebhookFaults(1, false, 0.5, 11L);

        List<String> first = sendOneByOne(planner(halfDropped), 30);

        assertThat(sendOneByOne(planner(halfDropped), 30)).isEqualTo(first);
        assertThat(first).hasSizeBetween(1, 29);
        assertThat(sendOneByOne(planner(new WebhookFaults(1, false, 0.5, 12L)), 30)).isNotEqualTo(first);
    }

    @Test
    void shouldLetLaterPostsOvertakeHeldOnesButLoseNone() {
        List<String> sent = sendOneByOne(planner(new WebhookFaults(1, true, 0.0, 5L)), 20);

        assertThat(sent).containsExactlyInAnyOrderElementsOf(sendOneByOne(planner(WebhookFaults.NONE), 20));
        assertThat(sent).isNotEqualTo(sendOneByOne(planner(WebhookFaults.NONE), 20));
        assertThat(sendOneByOne(planner(new WebhookFaults(1, true, 0.0, 5L)), 20)).isEqualTo(sent);
    }

    @Test
    void shouldSendAHeldPostRightAfterTheNextFreshOneThatIsSent() {
        DeliveryPlanner<String> planner = planner(new WebhookFaults(1, true, 0.0, 5L));
        String heldPost = holdOne(planner);

        List<String> sent = List.of();
        for (int i = 1; i <= 50 && sent.isEmpty(); i++) {
            sent = planner.plan(List.of("fresh" + i), T0);
        }

        assertThat(sent.get(0)).startsWith("fresh");
        assertThat(sent.indexOf(heldPost)).isPositive();
    }

    @Test
    void shouldReleaseAHeldPostAfterMaxHoldEvenWithoutNewPosts() {
        DeliveryPlanner<String> planner = planner(new WebhookFaults(1, true, 0.0, 5L));
        String heldPost = holdOne(planner);

        assertThat(planner.plan(List.of(), T0.plus(MAX_HOLD).minusMillis(1))).isEmpty();
        assertThat(planner.plan(List.of(), T0.plus(MAX_HOLD))).containsExactly(heldPost);
        assertThat(planner.held()).isZero();
    }

    /** Feeds POSTs one at a time until the planner holds one back; that one's name. */
    private static String holdOne(DeliveryPlanner<String> planner) {
        for (int i = 1; i <= 50; i++) {
            String post = "p" + i;
            if (!planner.plan(List.of(post), T0).contains(post)) {
                assertThat(planner.held()).isEqualTo(1);
                return post;
            }
        }
        throw new AssertionError("nothing was held back in 50 POSTs");
    }
}
