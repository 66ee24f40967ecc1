package com.cpsync.syncsupport.budget;

import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.cpsync.qbo.client.CallPriority;
import com.cpsync.qbo.client.QboClient;
import com.cpsync.qbo.client.QboCredentials;
import com.cpsync.qbo.client.QboFaultException;
import com.cpsync.qbo.client.RealmBusyException;
import com.cpsync.qbo.client.TimeSource;
import com.cpsync.sandbox.QboSandboxApplication;
import com.cpsync.testsupport.AdjustableClock;
import com.cpsync.testsupport.apps.InProcessPeers;
import com.cpsync.testsupport.apps.StartInProcessPeers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two services (two QBO clients, each with its own {@link PostgresRealmBudget}, as two JVMs have) on one realm of
 * the real qbo-sandbox at QBO's exact limits, one embedded PostgreSQL between them. The sandbox's clock is frozen
 * and moved by the test, and the budgets read the same clock: a minute passes without waiting for one.
 */
@StartInProcessPeers(sandbox = QboSandboxApplication.class)
class SharedRealmBudgetIT {

    private static final String QUERY = "SELECT * FROM Customer MAXRESULTS 1";
    private static final Duration TICK = Duration.ofMillis(100);
    private static EmbeddedPostgres postgres;

    private final InProcessPeers peers = InProcessPeers.running();
    private final AdjustableClock clock = peers.sandboxClock();
    private final String realm = "budget-" + UUID.randomUUID().toString().substring(0, 8);
    private PostgresRealmBudget outboundBudget;
    private PostgresRealmBudget inboundBudget;
    private QboClient outbound;
    private QboClient inbound;
    private QboCredentials credentials;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void twoServicesOnOneRealmAtQbosExactLimits() {
        credentials = new QboCredentials(realm, peers.sandboxAccessToken(realm));
        peers.setFaults(realm, Map.of("requestsPerSecond", 10, "requestsPerMinute", 500, "batchesPerMinute", 40));
        clock.freeze();
        DataSource database = postgres.getPostgresDatabase();
        outboundBudget = budget(database);
        inboundBudget = budget(database);
        outbound = QboClient.builder(URI.create(peers.sandboxUrl())).budget(outboundBudget).build();
        inbound = QboClient.builder(URI.create(peers.sandboxUrl())).budget(inboundBudget).build();
    }

    @AfterEach
    void letTheSandboxClockRunAgain() {
        clock.unfreeze();
    }

    /** mapping-service's Flyway refuses a non-empty public schema: the local stack failed to start when it was used. */
    @Test
    void shouldKeepItsTableOutOfThePublicSchema() throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                ResultSet tables = connection.createStatement().executeQuery(
                        "SELECT table_schema || '.' || table_name FROM information_schema.tables"
                                + " WHERE table_name = 'qbo_realm_budget' OR table_schema = 'public'")) {
            List<String> found = new ArrayList<>();
            while (tables.next()) {
                found.add(tables.getString(1));
            }
            assertThat(found).containsExactly(PostgresRealmBudget.TABLE);
        }
    }

    @Test
    void shouldKeepTwoServicesEachAskingForMoreThanTheBudgetWithinQbosLimits() {
        Tally outboundCalls = new Tally();
        Tally inboundCalls = new Tally();

        for (int tick = 0; tick < Duration.ofSeconds(90).dividedBy(TICK); tick++) {
            // whoever asks first in a tick gets its token: take turns, as two busy services would
            boolean outboundFirst = tick % 2 == 0;
            callUntilRefused(outboundFirst ? outbound : inbound, outboundFirst ? outboundCalls : inboundCalls);
            callUntilRefused(outboundFirst ? inbound : outbound, outboundFirst ? inboundCalls : outboundCalls);
            clock.advance(TICK);
        }

        JsonNode stats = peers.stats(realm);
        assertThat(outboundCalls.asked()).isGreaterThan(500);
        assertThat(inboundCalls.asked()).isGreaterThan(500);
        assertThat(stats.path("byStatus").path("429").asLong()).isZero();
        assertThat(stats.path("byStatus").path("200").asLong()).isEqualTo(outboundCalls.sent + inboundCalls.sent);
        // 90 s at 480/min sustained (the budget's shape under 500/min and 10/s) plus the first minute's burst
        assertThat(outboundCalls.sent + inboundCalls.sent).isBetween(700L, 760L);
        assertThat(outboundCalls.sent).isPositive();
        assertThat(inboundCalls.sent).isPositive();
    }

    @Test
    void shouldLetLiveWorkOvertakeABacklogThatHasDrainedToTheReserve() {
        QboClient backlog = outbound.at(CallPriority.BACKLOG);
        Tally backlogCalls = new Tally();

        callUntilRefused(backlog, backlogCalls);
        inbound.query(credentials, QUERY);

        assertThat(backlogCalls.sent).isPositive();
        assertThat(backlogCalls.refused).isEqualTo(1);
        assertThatThrownBy(() -> inbound.query(credentials, QUERY)).isInstanceOf(RealmBusyException.class)
                .hasMessageContaining("shared request budget");
        assertThat(peers.stats(realm).path("byStatus").path("200").asLong()).isEqualTo(backlogCalls.sent + 1);
    }

    @Test
    void shouldShrinkTheSharedBudgetWhenQboThrottlesAnywayAndRecoverItInQuietMinutes() {
        // another app of the realm's owner has spent the realm's budget
        peers.setFaults(realm, Map.of("requestsPerMinute", 1));
        outbound.query(credentials, QUERY);

        assertThatThrownBy(() -> outbound.query(credentials, QUERY)).isInstanceOfSatisfying(QboFaultException.class,
                fault -> assertThat(fault.isThrottled()).isTrue());

        assertThat(inboundBudget.requestsPerMinute(realm)).isEqualTo(250);
        peers.setFaults(realm, Map.of("requestsPerMinute", 500));
        clock.advance(Duration.ofMinutes(2));
        inbound.query(credentials, QUERY);
        assertThat(outboundBudget.requestsPerMinute(realm)).isEqualTo(350);
    }

    @Test
    void shouldShowARealmsBudgetWithoutTakingFromIt() {
        assertThat(inboundBudget.view(realm)).isEqualTo(new RealmBudgetView(realm, 500, 500, 20, 20, false));

        for (int call = 0; call < 2; call++) {
            outbound.query(credentials, QUERY);
        }
        RealmBudgetView afterTwoCalls = inboundBudget.view(realm);

        assertThat(afterTwoCalls).isEqualTo(new RealmBudgetView(realm, 500, 500, 18, 20, true));
        assertThat(inboundBudget.view(realm)).as("looking took nothing").isEqualTo(afterTwoCalls);
        assertThat(peers.stats(realm).path("requests").asLong()).isEqualTo(2);
    }

    @Test
    void shouldShowTheLoweredMinuteLimitAfterAThrottle() {
        peers.setFaults(realm, Map.of("requestsPerMinute", 1));
        outbound.query(credentials, QUERY);
        assertThatThrownBy(() -> outbound.query(credentials, QUERY)).isInstanceOf(QboFaultException.class);

        RealmBudgetView view = inboundBudget.view(realm);

        assertThat(view.perMinute()).isEqualTo(250);
        assertThat(view.qboPerMinute()).isEqualTo(500);
        assertThat(view.lowered()).isTrue();
        assertThat(view.minuteBurst()).isEqualTo(10);
    }

    private void callUntilRefused(QboClient client, Tally tally) {
        while (true) {
            try {
                client.query(credentials, QUERY);
                tally.sent++;
            }
            catch (RealmBusyException refused) {
                tally.refused++;
                return;
            }
        }
    }

    private PostgresRealmBudget budget(DataSource database) {
        RealmBudgetSettings settings = new RealmBudgetSettings(10, 500, 40, 5, Duration.ZERO,
                new BacklogReserve(1, 10), 50, 50);
        return new PostgresRealmBudget(database, settings, clock, TimeSource.SYSTEM);
    }

    /** What one service asked for: calls sent, and asks the budget refused (no request sent). */
    private static final class Tally {
        long sent;
        long refused;

        long asked() {
            return sent + refused;
        }
    }
}
