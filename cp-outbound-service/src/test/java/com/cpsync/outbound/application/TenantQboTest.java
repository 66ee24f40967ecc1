package com.cpsync.outbound.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.cpsync.outbound.application.port.EntityKind;
import com.cpsync.outbound.application.port.QboGateway;
import com.cpsync.outbound.application.port.QboGateway.QboRefused;
import com.cpsync.outbound.application.port.QboWrite;
import com.cpsync.outbound.application.port.TenantMustWait;
import com.cpsync.outbound.application.port.WaitReason;
import com.cpsync.outbound.application.port.QboWrite.ReactivateCustomer;
import com.cpsync.outbound.domain.centerpoint.Company;
import com.cpsync.outbound.domain.companies.CustomerFields;
import com.cpsync.outbound.domain.invoices.InvoiceInQbo;
import com.cpsync.outbound.domain.qbo.QboName;
import com.cpsync.testsupport.MutableClock;
import com.cpsync.syncsupport.mapping.AccessGrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantQboTest {

    private final MutableClock clock = new MutableClock();
    private final FakeMapping mapping = new FakeMapping();
    private final FakeQbo qbo = new FakeQbo();
    private final TenantQbo tenantQbo = new TenantQbo(qbo, mapping, clock);

    @Test
    void shouldWithdrawTheAnnouncementOfACreateQboRefused() {
        qbo.refuseCreate = new QboRefused("6000", "A business validation error has occurred", null);

        assertThatThrownBy(() -> tenantQbo.createAnnounced("t1", EntityKind.COMPANY, "c1", customer(), "Acme", null,
                "r1")).isInstanceOf(QboRefused.class);

        assertThat(mapping.announced).isEmpty();
    }

    /**
     * Chaos finding (issue 8, 10,000-event run 2): during a rebalance two instances created the same company;
     * the first one's reply was lost, the second met 6240 (the name is taken: by the first one's customer) and
     * withdrew the announcement, so qbo-inbound imported that customer as a second company.
     */
    @Test
    void shouldLeaveTheAnnouncementStandingWhenTheNameIsTakenPerhapsByAnEarlierAttempt() {
        qbo.refuseCreate = new QboRefused("6240", "Duplicate Name Exists Error", null);

        assertThatThrownBy(() -> tenantQbo.createAnnounced("t1", EntityKind.COMPANY, "c1", customer(), "Acme", null,
                "r1")).isInstanceOf(QboRefused.class);

        assertThat(mapping.announced).containsEntry("COMPANY/c1", "Acme");
    }

    private static QboWrite customer() {
        return new QboWrite.CreateCustomer(CustomerFields.of(new Company("c1", "Acme", null, null, null), "Acme"));
    }

    @Test
    void shouldUpdateWithTheSyncTokenOfOurLastWriteWithoutReading() {
        mapping.writes.put("Customer/58", "3");

        tenantQbo.updateWithCurrentToken("t1", "Customer", "58", token -> write("58", token));

        assertThat(qbo.sentTokens).containsExactly("3");
        assertThat(qbo.reads).isZero();
        assertThat(mapping.writes).containsEntry("Customer/58", "4");
    }

    @Test
    void shouldReReadAndRetryOnAStaleSyncToken() {
        mapping.writes.put("Customer/58", "3");
        qbo.currentToken = "5";

        tenantQbo.updateWithCurrentToken("t1", "Customer", "58", token -> write("58", token));

        assertThat(qbo.sentTokens).containsExactly("3", "5");
        assertThat(qbo.reads).isEqualTo(1);
    }

    /** Batching and lanes (issue 10) made this common: the retry after a 5010 met a busy realm and the event parked. */
    @Test
    void shouldStartTheNextAttemptFromTheReReadTokenWhenTheRetryMetABusyRealm() {
        mapping.writes.put("Customer/58", "3");
        qbo.currentToken = "5";
        qbo.busyUpdates = 1;
        assertThatThrownBy(() -> tenantQbo.updateWithCurrentToken("t1", "Customer", "58", token -> write("58", token)))
                .isInstanceOf(TenantMustWait.class);

        tenantQbo.updateWithCurrentToken("t1", "Customer", "58", token -> write("58", token));

        assertThat(qbo.sentTokens).as("stale once, then the re-read token, busy, then it again")
                .containsExactly("3", "5", "5");
        assertThat(qbo.reads).isEqualTo(1);
        assertThat(mapping.writes).as("a read token is never recorded as our write").containsEntry("Customer/58", "6");
    }

    @Test
    void shouldGiveUpAfterTwoStaleRetries() {
        mapping.writes.put("Customer/58", "3");
        qbo.alwaysStale = true;

        assertThatThrownBy(() -> tenantQbo.updateWithCurrentToken("t1", "Customer", "58", token -> write("58", token)))
                .isInstanceOf(QboGateway.QboRefused.class);
        assertThat(qbo.sentTokens).hasSize(3);
    }

    @Test
    void shouldAskForAFreshTokenOnceAfterA401() {
        qbo.rejectToken = "token-1";

        tenantQbo.read("t1", "Customer", "58");

        assertThat(mapping.rejected).containsExactly(null, "token-1");
    }

    @Test
    void shouldCacheTheAccessTokenUntilShortlyBeforeItExpires() {
        tenantQbo.read("t1", "Customer", "58");
        tenantQbo.read("t1", "Customer", "58");
        assertThat(mapping.rejected).hasSize(1);

        clock.advance(Duration.ofMinutes(59));
        tenantQbo.read("t1", "Customer", "58");

        assertThat(mapping.rejected).hasSize(2);
    }

    @Test
    void shouldKnowTheRealmFromTheLastGrantWithoutAskingForTheConnection() {
        tenantQbo.read("t1", "Customer", "58");

        assertThat(tenantQbo.knownRealm("t1")).contains("r1");
        assertThat(mapping.connectionLookups).isZero();
    }

    @Test
    void shouldAskForTheConnectionOnceWhenNoTokenWasFetched() {
        mapping.connectionRealm = "r9";

        assertThat(tenantQbo.knownRealm("t1")).contains("r9");
        assertThat(tenantQbo.knownRealm("t1")).contains("r9");

        assertThat(mapping.connectionLookups).isEqualTo(1);
        assertThat(mapping.rejected).isEmpty();
    }

    @Test
    void shouldNotKnowTheRealmOfATenantThatNeverConnected() {
        assertThat(tenantQbo.knownRealm("t1")).isEmpty();
        assertThat(mapping.rejected).isEmpty();
    }

    private static QboWrite write(String id, String token) {
        return new ReactivateCustomer(id, token);
    }

    /** mapping-service's write records, plus numbered access tokens and the rejections it was told of. */
    private final class FakeMapping extends InMemoryMapping {
        private final List<String> rejected = new ArrayList<>();
        private int issued;
        private String connectionRealm;
        private int connectionLookups;

        @Override
        public AccessGrant accessToken(String tenantId, String rejectedAccessToken) {
            rejected.add(rejectedAccessToken);
            issued++;
            return new AccessGrant("r1", "token-" + issued, clock.instant().plus(Duration.ofHours(1)));
        }

        @Override
        public Optional<String> connectedRealm(String tenantId) {
            connectionLookups++;
            return Optional.ofNullable(connectionRealm);
        }
    }

    private static final class FakeQbo implements QboGateway {
        private final List<String> sentTokens = new ArrayList<>();
        private String currentToken;
        private boolean alwaysStale;
        private int busyUpdates;
        private String rejectToken;
        private int reads;
        private QboRefused refuseCreate;

        @Override
        public List<QboName> findNamesLike(String realmId, String accessToken, String entity, String name) {
            return List.of();
        }

        @Override
        public List<InvoiceInQbo> findInvoices(String realmId, String accessToken, String docNumber) {
            return List.of();
        }

        @Override
        public Version create(String realmId, String accessToken, QboWrite write, String requestId) {
            if (refuseCreate != null) {
                throw refuseCreate;
            }
            return new Version("1", "0");
        }

        @Override
        public Version update(String realmId, String accessToken, QboWrite write) {
            ReactivateCustomer update = (ReactivateCustomer) write;
            sentTokens.add(update.syncToken());
            if (busyUpdates > 0 && sentTokens.size() > 1) {
                busyUpdates--;
                throw new TenantMustWait(WaitReason.REALM_BUSY, null, "realm busy", null);
            }
            if (alwaysStale || (currentToken != null && !currentToken.equals(update.syncToken()))) {
                throw new QboRefused("5010", "Stale Object Error", null);
            }
            return new Version(update.qboId(), String.valueOf(Integer.parseInt(update.syncToken()) + 1));
        }

        @Override
        public Version read(String realmId, String accessToken, String entity, String id) {
            if (accessToken.equals(rejectToken)) {
                throw new QboUnauthorized("401", null);
            }
            reads++;
            return new Version(id, currentToken == null ? "0" : currentToken);
        }
    }
}
