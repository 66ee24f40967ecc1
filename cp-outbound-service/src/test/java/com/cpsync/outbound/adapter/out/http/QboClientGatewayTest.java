package com.cpsync.outbound.adapter.out.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.cpsync.outbound.application.port.QboGateway;
import com.cpsync.outbound.application.port.QboWrite;
import com.cpsync.outbound.application.port.TenantMustWait;
import com.cpsync.outbound.application.port.WaitReason;
import com.cpsync.outbound.domain.centerpoint.Company;
import com.cpsync.outbound.domain.companies.CustomerFields;
import com.cpsync.outbound.domain.qbo.QboName;
import com.cpsync.qbo.client.BatchingQboCalls;
import com.cpsync.qbo.client.CallPriority;
import com.cpsync.qbo.client.QboClient;
import com.cpsync.qbo.client.RealmBudget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QboClientGatewayTest {

    private final FakeQboHttp qbo = new FakeQboHttp();
    private final QboClientGateway gateway = new QboClientGateway(new BatchingQboCalls(QboClient.builder(qbo.baseUrl())
            .build()), CircuitBreakerRegistry.ofDefaults(), () -> CallPriority.LIVE);

    @AfterEach
    void stopQbo() {
        qbo.close();
    }

    @Test
    void shouldAskForANameWithTypographicQuotesWithoutThem() {
        qbo.answer(200, "application/json", "{\"QueryResponse\":{}}");

        gateway.findNamesLike("realm-1", "token", "Customer", "Bob\u2019s \u201CBest\u201D O'Brien");

        assertThat(qbo.requests()).singleElement().satisfies(request -> assertThat(request.getQuery())
                .contains("DisplayName LIKE '%Bob%s%Best%O\\'Brien%'").doesNotContain("\u2019", "\u201C", "\u201D"));
    }

    @Test
    void shouldAskForADocNumberWithATypographicQuoteByLike() {
        qbo.answer(200, "application/json", "{\"QueryResponse\":{\"Invoice\":[{\"Id\":\"7\",\"DocNumber\":"
                + "\"INV\u20197\",\"CustomerRef\":{\"value\":\"58\"},\"TotalAmt\":380.0}]}}");

        assertThat(gateway.findInvoices("realm-1", "token", "INV\u20197")).singleElement()
                .satisfies(found -> assertThat(found.customerId()).isEqualTo("58"));
        assertThat(qbo.requests().get(0).getQuery()).contains("FROM Invoice WHERE DocNumber LIKE 'INV%7'");
    }

    @Test
    void shouldSayThatACreateWhoseAnswerWasLostMayHaveBeenApplied() {
        qbo.answer(502, "text/html", "<html><body>502 Bad Gateway</body></html>");

        assertThatThrownBy(() -> gateway.create("realm-1", "token",
                new QboWrite.CreateCustomer(CustomerFields.of(new Company("c1", "Acme", null, null, null))), "r1"))
                .isInstanceOfSatisfying(TenantMustWait.class, wait -> {
                    assertThat(wait.reason()).isEqualTo(WaitReason.FAILING);
                    assertThat(wait.getMessage()).contains("(Customer) was lost", "may have been applied");
                });
    }

    @Test
    void shouldTakeTheRealmsBudgetAtThePriorityOfTheWorkInHand() {
        List<CallPriority> asked = new ArrayList<>();
        RealmBudget recording = (realmId, priority, batch) -> {
            asked.add(priority);
            return () -> { };
        };
        AtomicReference<CallPriority> work = new AtomicReference<>(CallPriority.BACKLOG);
        QboClientGateway prioritised = new QboClientGateway(new BatchingQboCalls(QboClient.builder(qbo.baseUrl())
                .budget(recording).build()), CircuitBreakerRegistry.ofDefaults(), work::get);
        qbo.answer(200, "application/json", "{\"QueryResponse\":{}}");

        prioritised.findNamesLike("realm-1", "token", "Customer", "Acme");
        work.set(CallPriority.LIVE);
        prioritised.findNamesLike("realm-1", "token", "Customer", "Acme");

        assertThat(asked).containsExactly(CallPriority.BACKLOG, CallPriority.LIVE);
    }

    /**
     * Reliability finding 10 with batching: a match-before-create's three lookups take the realm's budget once,
     * as one batch on the caller's thread, at the work's priority: no three token waits at once for a backlog,
     * one round trip for live work.
     */
    @ParameterizedTest
    @EnumSource(CallPriority.class)
    void shouldSendTheLookupsOfANameInEachListAsOneBatchOnTheCallersThread(CallPriority work) {
        List<String> taken = new ArrayList<>();
        RealmBudget recording = (realmId, priority, batch) -> {
            synchronized (taken) {
                taken.add(Thread.currentThread().getName() + ":" + priority + (batch ? " batch" : ""));
            }
            return () -> { };
        };
        QboClientGateway batching = new QboClientGateway(new BatchingQboCalls(QboClient.builder(qbo.baseUrl())
                .budget(recording).build()), CircuitBreakerRegistry.ofDefaults(), () -> work);
        qbo.answer(200, "application/json", "{\"BatchItemResponse\":["
                + "{\"bId\":\"3\",\"QueryResponse\":{\"Employee\":[{\"Id\":\"9\",\"DisplayName\":\"Acme\",\"SyncToken\":\"0\"}]}},"
                + "{\"bId\":\"1\",\"QueryResponse\":{}},"
                + "{\"bId\":\"2\",\"QueryResponse\":{\"Vendor\":[{\"Id\":\"5\",\"DisplayName\":\"Acme\",\"SyncToken\":\"1\"}]}}]}");

        List<QboName> found = batching.findNamesLikeInEach("realm-1", "token", List.of("Customer", "Vendor", "Employee"),
                "Acme");

        assertThat(taken).containsExactly(Thread.currentThread().getName() + ":" + work + " batch");
        assertThat(qbo.requests()).singleElement().satisfies(request -> assertThat(request.getPath())
                .isEqualTo("/v3/company/realm-1/batch"));
        assertThat(found).extracting(QboName::list).containsExactly("Vendor", "Employee");
    }

    @Test
    void shouldTranslateABatchedLookupsFaultAsASingleLookupsFault() {
        QboClientGateway batching = new QboClientGateway(new BatchingQboCalls(QboClient.builder(qbo.baseUrl()).build()),
                CircuitBreakerRegistry.ofDefaults(), () -> CallPriority.LIVE);
        qbo.answer(200, "application/json", "{\"BatchItemResponse\":[{\"bId\":\"1\",\"QueryResponse\":{}},"
                + "{\"bId\":\"2\",\"Fault\":{\"Error\":[{\"Message\":\"Error parsing query\",\"code\":\"4000\"}],"
                + "\"type\":\"ValidationFault\"}},{\"bId\":\"3\",\"QueryResponse\":{}}]}");

        assertThatThrownBy(() -> batching.findNamesLikeInEach("realm-1", "token",
                List.of("Customer", "Vendor", "Employee"), "Acme"))
                .isInstanceOfSatisfying(QboGateway.QboRefused.class, refused -> assertThat(refused.code())
                        .isEqualTo("4000"));
    }
}
