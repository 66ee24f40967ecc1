package com.cpsync.mapping.application;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.cpsync.mapping.application.port.InvalidGrantException;
import com.cpsync.mapping.application.port.QboAuthorization;
import com.cpsync.mapping.application.port.QboTokenRefresh;
import com.cpsync.mapping.domain.connection.TokenPair;

/**
 * QBO's OAuth endpoints as the sandbox plays them: codes are single-use, refresh tokens rotate (the spent one
 * is dead), and tokens are numbered in issue order ({@code AT-1}/{@code RT-1}, then {@code AT-2}/{@code RT-2}).
 */
final class FakeQbo implements QboAuthorization, QboTokenRefresh {

    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(1);

    private final Clock clock;
    private final Set<String> grantedCodes = ConcurrentHashMap.newKeySet();
    private final Set<String> liveRefreshTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger codes = new AtomicInteger();
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger refreshCalls = new AtomicInteger();
    private final AtomicReference<RuntimeException> nextFailure = new AtomicReference<>();
    private volatile Runnable onRefresh = () -> { };

    FakeQbo(Clock clock) {
        this.clock = clock;
    }

    @Override
    public URI authorizeUrl(String state, String realmHint) {
        return URI.create("https://qbo.test/connect?state=" + state + (realmHint == null ? "" : "&realmId=" + realmHint));
    }

    @Override
    public TokenPair exchangeCode(String code) {
        failIfAsked();
        if (!grantedCodes.remove(code)) {
            throw new InvalidGrantException();
        }
        return issue();
    }

    @Override
    public TokenPair refresh(String refreshToken) {
        refreshCalls.incrementAndGet();
        onRefresh.run();
        failIfAsked();
        if (!liveRefreshTokens.remove(refreshToken)) {
            throw new InvalidGrantException();
        }
        return issue();
    }

    /** The code QBO puts on the redirect after the user approved. */
    String grantCode() {
        String code = "code-" + codes.incrementAndGet();
        grantedCodes.add(code);
        return code;
    }

    TokenPair issue() {
        int n = issued.incrementAndGet();
        liveRefreshTokens.add("RT-" + n);
        return new TokenPair("AT-" + n, "RT-" + n, clock.instant().plus(ACCESS_TOKEN_LIFETIME),
                clock.instant().plus(Duration.ofDays(101)));
    }

    void revoke(String refreshToken) {
        liveRefreshTokens.remove(refreshToken);
    }

    boolean isLive(String refreshToken) {
        return liveRefreshTokens.contains(refreshToken);
    }

    /** The next token-endpoint call fails with this instead of answering. */
    void failNextCall(RuntimeException failure) {
        nextFailure.set(failure);
    }

    /** Runs at the start of every refresh call, before it answers. */
    void onRefresh(Runnable action) {
        onRefresh = action;
    }

    int refreshCalls() {
        return refreshCalls.get();
    }

    private void failIfAsked() {
        RuntimeException failure = nextFailure.getAndSet(null);
        if (failure != null) {
            throw failure;
        }
    }
}
