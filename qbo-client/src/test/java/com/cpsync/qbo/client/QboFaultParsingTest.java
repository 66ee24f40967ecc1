package com.cpsync.qbo.client;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class QboFaultParsingTest extends AgainstFakeQbo {

    @Test
    void shouldParseValidationFaultAsDuplicateName() {
        qbo.respond(400, """
                {"Fault":{"Error":[{"Message":"Duplicate Name Exists Error","Detail":"The name supplied already exists. : Another customer, vendor or employee is already using this name.","code":"6240","element":""}],"type":"ValidationFault"},"time":"2026-11-26T01:00:00.000-08:00"}""");

        QboFaultException fault = readFault();

        assertThat(fault).extracting(QboFaultException::httpStatus, QboFaultException::code,
                QboFaultException::faultMessage, QboFaultException::type)
                .containsExactly(400, "6240", "Duplicate Name Exists Error", "ValidationFault");
        assertThat(fault.detail()).startsWith("The name supplied already exists");
        assertThat(fault.isDuplicateName()).isTrue();
        assertThat(fault.isPermanent()).isTrue();
        assertThat(fault.getMessage()).doesNotContain("secret-access-token");
    }

    @Test
    void shouldClassifyStaleObjectNotFoundAndDuplicateDocNumber() {
        qbo.respond(400, fault("5010", "Stale Object Error"));
        qbo.respond(400, fault("610", "Object Not Found"));
        qbo.respond(400, fault("6140", "Duplicate Document Number Error"));
        qbo.respond(400, fault("6210", "Something else"));
        qbo.respond(400, fault("6000", "Duplicate Document Number Error"));

        assertThat(readFault().isStaleObject()).isTrue();
        assertThat(readFault().isNotFound()).isTrue();
        assertThat(readFault().isDuplicateDocNumber()).isTrue();
        assertThat(readFault().isDuplicateDocNumber()).isTrue();
        QboFaultException byMessage = readFault();
        assertThat(byMessage.isDuplicateDocNumber()).isTrue();
        assertThat(byMessage.isStaleObject()).isFalse();
    }

    @Test
    void shouldParseLowerCaseGatewayFaultAsAuthentication() {
        qbo.respond(401, """
                {"fault":{"error":[{"message":"message=AuthenticationFailed; errorCode=003200; statusCode=401","detail":"Token expired","code":"3200"}],"type":"AUTHENTICATION"}}""");

        QboFaultException fault = readFault();

        assertThat(fault.code()).isEqualTo("3200");
        assertThat(fault.type()).isEqualTo("AUTHENTICATION");
        assertThat(fault.detail()).isEqualTo("Token expired");
        assertThat(fault.isAuthentication()).isTrue();
        assertThat(fault.isTransient()).isFalse();
    }

    @Test
    void shouldParseXmlThrottleBodyWithRetryAfter() {
        qbo.respond(429, Map.of("Retry-After", "60"), """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <IntuitResponse time="2026-11-26T01:00:00.000-08:00"><Fault type="SERVICE"><Error code="003001"><Message>message=ThrottleExceeded; errorCode=003001; statusCode=429</Message><Detail>The request limit was reached.</Detail></Error></Fault></IntuitResponse>""");

        QboFaultException fault = readFault();

        assertThat(fault).extracting(QboFaultException::httpStatus, QboFaultException::code,
                QboFaultException::type, QboFaultException::detail)
                .containsExactly(429, "3001", "SERVICE", "The request limit was reached.");
        assertThat(fault.faultMessage()).contains("ThrottleExceeded");
        assertThat(fault.retryAfter()).contains(Duration.ofSeconds(60));
        assertThat(fault.isThrottled()).isTrue();
        assertThat(fault.isTransient()).isTrue();
    }

    @Test
    void shouldTreatFaultInsideA200AsFault() {
        qbo.respond(200, "{\"Fault\":{\"Error\":[{\"Message\":\"Business Validation Error\",\"code\":\"6000\"}],\"type\":\"ValidationFault\"}}");

        QboFaultException fault = readFault();

        assertThat(fault.httpStatus()).isEqualTo(200);
        assertThat(fault.code()).isEqualTo("6000");
        assertThat(fault.isPermanent()).isTrue();
        assertThat(calls).containsExactly("9341455 read 200");
    }

    @Test
    void shouldFallBackOnStatusForUnreadableServerError() {
        qbo.respond(503, "<html>Service Unavailable</html>");
        qbo.respond(502, "");

        QboFaultException html = readFault();
        QboFaultException empty = readFault();

        assertThat(html.httpStatus()).isEqualTo(503);
        assertThat(html.isTransient()).isTrue();
        assertThat(empty.httpStatus()).isEqualTo(502);
        assertThat(empty.code()).isNull();
        assertThat(empty.isTransient()).isTrue();
        assertThat(html.isAmbiguousWrite()).isTrue();
        assertThat(empty.isAmbiguousWrite()).isTrue();
    }

    @Test
    void shouldWaitQbosDocumentedMinuteWhenAThrottleCarriesNoRetryAfter() {
        qbo.respond(429, fault("3001", "ThrottleExceeded"));
        qbo.respond(429, Map.of("Retry-After", "7"), fault("3001", "ThrottleExceeded"));

        QboFaultException bare = readFault();
        QboFaultException withHeader = readFault();

        assertThat(bare.retryAfter()).contains(QboFaultException.THROTTLE_WAIT).contains(Duration.ofSeconds(60));
        assertThat(withHeader.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(bare.isAmbiguousWrite()).as("a throttled request was refused, not applied").isFalse();
    }

    @Test
    void shouldLeaveTheBackoffToTheCallerForFaultsThatAreNotThrottles() {
        qbo.respond(503, "");
        qbo.respond(400, fault("6240", "Duplicate Name Exists Error"));

        assertThat(readFault().retryAfter()).isEmpty();
        QboFaultException validation = readFault();
        assertThat(validation.retryAfter()).isEmpty();
        assertThat(validation.isAmbiguousWrite()).isFalse();
    }

    @Test
    void shouldMakeConnectionFailureTransientWithStatusZero() throws IOException {
        URI closed;
        try (FakeQboServer gone = new FakeQboServer()) {
            closed = gone.baseUrl();
        }
        QboClient unreachable = clientFor(closed, Duration.ofSeconds(5));

        QboFaultException fault = catchThrowableOfType(QboFaultException.class,
                () -> unreachable.read(REALM, "Customer", "58"));

        assertThat(fault.httpStatus()).isZero();
        assertThat(fault.isTransient()).isTrue();
        assertThat(fault.isAmbiguousWrite()).as("a refused connection never reached QBO").isFalse();
        assertThat(calls).containsExactly("9341455 read 0");
    }

    @Test
    void shouldMakeTimeoutTransient() {
        CountDownLatch release = new CountDownLatch(1);
        qbo.respondAfter(release, "{\"Customer\":{\"Id\":\"58\"}}");
        QboClient impatient = clientFor(qbo.baseUrl(), Duration.ofMillis(200));

        QboFaultException fault = catchThrowableOfType(QboFaultException.class,
                () -> impatient.read(REALM, "Customer", "58"));
        release.countDown();

        assertThat(fault.httpStatus()).isZero();
        assertThat(fault.isTransient()).isTrue();
        assertThat(fault.isAmbiguousWrite()).as("QBO may have applied what it never answered").isTrue();
    }

    private QboClient clientFor(URI baseUrl, Duration timeout) {
        return recordingClient(baseUrl).requestTimeout(timeout).build();
    }

    private QboFaultException readFault() {
        return catchThrowableOfType(QboFaultException.class, () -> client.read(REALM, "Customer", "58"));
    }

    private static String fault(String code, String message) {
        return "{\"Fault\":{\"Error\":[{\"Message\":\"" + message + "\",\"Detail\":\"\",\"code\":\"" + code
                + "\"}],\"type\":\"ValidationFault\"},\"time\":\"2026-11-26T01:00:00.000-08:00\"}";
    }
}
