package com.cpsync.syncsupport.budget;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cpsync.qbo.client.CallPriority;
import com.cpsync.qbo.client.RealmBudget;
import com.cpsync.qbo.client.RealmBusyException;
import com.cpsync.qbo.client.TimeSource;

/**
 * One QBO budget per realm shared by every service and instance: Bucket4j token buckets in PostgreSQL (a row
 * per realm, locked with {@code SELECT ... FOR UPDATE} for each token). The realm's adaptive minute limit travels
 * with its bucket (see {@link AimdLevel}); the concurrent calls are this JVM's share, counted here.
 */
public final class PostgresRealmBudget implements RealmBudget {

    /**
     * Our own schema and table. Not in {@code public}: mapping-service's Flyway refuses to start on a non-empty
     * {@code public} schema without its history table, and whichever process starts first creates this table.
     */
    public static final String SCHEMA = "qbo_budget";
    public static final String TABLE = SCHEMA + ".qbo_realm_budget";
    private static final List<String> DDL = List.of("CREATE SCHEMA IF NOT EXISTS " + SCHEMA,
            "CREATE TABLE IF NOT EXISTS " + TABLE + " (id VARCHAR(200) PRIMARY KEY, state BYTEA, expires_at BIGINT)");
    /** What a concurrent CREATE … IF NOT EXISTS may still answer: unique violation, duplicate table or schema. */
    private static final Set<String> CREATED_MEANWHILE = Set.of("23505", "42P07", "42P06");
    private static final String SECOND_ID = "second";
    private static final String BATCH_ID = "batch";
    /** No way to know when another call of this JVM ends: suggest a short pause. */
    private static final Duration CONCURRENCY_RETRY_HINT = Duration.ofMillis(100);
    private static final Logger log = LoggerFactory.getLogger(PostgresRealmBudget.class);

    private final ProxyManager<String> buckets;
    private final RealmBudgetSettings settings;
    private final Clock clock;
    private final TimeSource time;
    private final Map<String, Semaphore> inFlight = new ConcurrentHashMap<>();

    public PostgresRealmBudget(DataSource dataSource, RealmBudgetSettings settings, Clock clock, TimeSource time) {
        createTable(dataSource);
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .clientClock(wallClock(clock))
                .build();
        this.settings = settings;
        this.clock = clock;
        this.time = time;
    }

    @Override
    public Permit acquire(String realmId, CallPriority priority, boolean batch) {
        Semaphore slots = inFlight.computeIfAbsent(realmId, id -> new Semaphore(settings.concurrentRequests()));
        long deadline = time.nanoTime() + settings.maxWait().toNanos();
        if (!takeSlot(slots, deadline)) {
            throw new RealmBusyException(realmId, CONCURRENCY_RETRY_HINT, "this instance's concurrent request share");
        }
        try {
            while (true) {
                Refusal refusal = tryTake(realmId, priority, batch);
                if (refusal == null) {
                    return new SlotPermit(slots);
                }
                long now = time.nanoTime();
                if (now + refusal.waitNanos() > deadline) {
                    throw new RealmBusyException(realmId, Duration.ofNanos(refusal.waitNanos()), refusal.reason());
                }
                time.sleepNanos(refusal.waitNanos());
            }
        }
        catch (RuntimeException notGranted) {
            slots.release();
            throw notGranted;
        }
    }

    @Override
    public void onThrottled(String realmId) {
        BucketProxy requests = requests(realmId);
        AimdLevel level = levelOf(buckets.getProxyConfiguration(realmId).orElse(null));
        AimdLevel lower = settings.aimd().afterThrottle(level, clock.millis());
        if (!lower.equals(level)) {
            log.info("QBO throttled realm {}: its shared budget goes from {}/min to {}/min", realmId,
                    level.perMinute(), lower.perMinute());
            requests.replaceConfiguration(requestsConfiguration(lower), TokensInheritanceStrategy.AS_IS);
        }
    }

    /** The realm's shared minute limit as it stands (QBO's, or lower after a throttle). */
    public int requestsPerMinute(String realmId) {
        return levelOf(buckets.getProxyConfiguration(realmId).orElse(null)).perMinute();
    }

    /**
     * The realm's budget as it stands, for people (ops-console): no token taken, no bucket created. The level is the
     * one the last call left; a quiet minute's recovery shows once a call takes the next token.
     */
    public RealmBudgetView view(String realmId) {
        Optional<BucketConfiguration> configuration = buckets.getProxyConfiguration(realmId);
        AimdLevel level = levelOf(configuration.orElse(null));
        int burst = settings.shape().withRequestsPerMinute(level.perMinute()).minute().burst();
        if (configuration.isEmpty()) {
            return new RealmBudgetView(realmId, level.perMinute(), settings.requestsPerMinute(), burst, burst, false);
        }
        long[] left = buckets.getProxy(realmId, configuration::get).asVerbose().getAvailableTokens().getDiagnostics()
                .getAvailableTokensPerEachBandwidth();
        return new RealmBudgetView(realmId, level.perMinute(), settings.requestsPerMinute(), left[1], burst, true);
    }

    /** Null when a token was taken; else how long to wait and why. */
    private Refusal tryTake(String realmId, CallPriority priority, boolean batch) {
        BucketProxy requests = requests(realmId);
        VerboseResult<ConsumptionProbe> taken = requests.asVerbose().tryConsumeAndReturnRemaining(1);
        AimdLevel level = levelOf(taken.getConfiguration());
        recover(requests, level);
        BudgetShape shape = settings.shape().withRequestsPerMinute(level.perMinute());
        if (!taken.getValue().isConsumed()) {
            return new Refusal(taken.getValue().getNanosToWaitForRefill(), "shared request budget");
        }
        long[] left = taken.getDiagnostics().getAvailableTokensPerEachBandwidth();
        if (!settings.backlogReserve().within(shape).keeps(priority, left[0], left[1])) {
            requests.addTokens(1);
            return new Refusal(shape.second().nanosPerToken(), "reserve kept for live work");
        }
        if (batch) {
            ConsumptionProbe batchTaken = batches(realmId).tryConsumeAndReturnRemaining(1);
            if (!batchTaken.isConsumed()) {
                requests.addTokens(1);
                return new Refusal(batchTaken.getNanosToWaitForRefill(), "shared batch budget");
            }
        }
        return null;
    }

    /** Additive increase, by whichever instance first takes a token after a quiet minute. */
    private void recover(BucketProxy requests, AimdLevel level) {
        AimdLevel raised = settings.aimd().recovered(level, clock.millis());
        if (!raised.equals(level)) {
            requests.replaceConfiguration(requestsConfiguration(raised), TokensInheritanceStrategy.AS_IS);
        }
    }

    private BucketProxy requests(String realmId) {
        return buckets.getProxy(realmId, () -> requestsConfiguration(AimdLevel.full(settings.requestsPerMinute())));
    }

    private BucketProxy batches(String realmId) {
        BudgetWindow window = settings.shape().batches();
        return buckets.getProxy(realmId + "/" + BATCH_ID,
                () -> BucketConfiguration.builder().addLimit(bandwidth(window, BATCH_ID)).build());
    }

    private BucketConfiguration requestsConfiguration(AimdLevel level) {
        BudgetShape shape = settings.shape().withRequestsPerMinute(level.perMinute());
        return BucketConfiguration.builder()
                .addLimit(bandwidth(shape.second(), SECOND_ID))
                .addLimit(bandwidth(shape.minute(), level.toId()))
                .build();
    }

    private AimdLevel levelOf(BucketConfiguration configuration) {
        AimdLevel full = AimdLevel.full(settings.requestsPerMinute());
        if (configuration == null || configuration.getBandwidths().length < 2) {
            return full;
        }
        return AimdLevel.fromId(configuration.getBandwidths()[1].getId()).orElse(full);
    }

    private static Bandwidth bandwidth(BudgetWindow window, String id) {
        return Bandwidth.builder().capacity(window.burst()).refillGreedy(window.refill(), window.period())
                .id(id).build();
    }

    private boolean takeSlot(Semaphore slots, long deadline) {
        try {
            return slots.tryAcquire(Math.max(0, deadline - time.nanoTime()), TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Bucket4j's buckets are shared across JVMs, so their clock must be the wall clock (epoch nanoseconds). */
    private static TimeMeter wallClock(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Bucket4j's table (its documented PostgreSQL DDL, our name); every instance may try, the first creates it. */
    static void createTable(DataSource dataSource) {
        for (String statement : DDL) {
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute(statement);
            }
            catch (SQLException ex) {
                if (!CREATED_MEANWHILE.contains(ex.getSQLState())) {
                    throw new IllegalStateException("cannot create table " + TABLE + " for the QBO realm budget", ex);
                }
                // another instance created it at the same moment (CREATE … IF NOT EXISTS is not atomic)
            }
        }
    }

    private record Refusal(long waitNanos, String reason) {
    }

    private static final class SlotPermit implements Permit {

        private final Semaphore slots;
        private boolean released;

        SlotPermit(Semaphore slots) {
            this.slots = slots;
        }

        @Override
        public synchronized void close() {
            if (!released) {
                released = true;
                slots.release();
            }
        }
    }
}
