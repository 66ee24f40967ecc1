package com.cpsync.mapping.domain.access;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.cpsync.mapping.domain.access.ServiceAccessPolicy.CENTERPOINT;
import static com.cpsync.mapping.domain.access.ServiceAccessPolicy.CP_OUTBOUND;
import static com.cpsync.mapping.domain.access.ServiceAccessPolicy.OPS_CONSOLE;
import static com.cpsync.mapping.domain.access.ServiceAccessPolicy.QBO_INBOUND;
import static org.assertj.core.api.Assertions.assertThat;

class ServiceAccessPolicyTest {

    /** Every endpoint of the API (README) and exactly who may call it. */
    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("GET", "/tenants/t1/links/COMPANY/c1", Set.of(CP_OUTBOUND, QBO_INBOUND, OPS_CONSOLE)),
                Arguments.of("GET", "/tenants/t1/links/COMPANY", Set.of(CP_OUTBOUND, QBO_INBOUND, OPS_CONSOLE)),
                Arguments.of("PUT", "/tenants/t1/links/COMPANY/c1", Set.of(CP_OUTBOUND, QBO_INBOUND)),
                Arguments.of("POST", "/tenants/t1/links/COMPANY/repoint", Set.of(QBO_INBOUND)),
                Arguments.of("POST", "/tenants/t1/customer-matches", Set.of(CP_OUTBOUND)),
                Arguments.of("GET", "/tenants/t1/conflicts", Set.of(CENTERPOINT)),
                Arguments.of("POST", "/realms/r1/writes", Set.of(CP_OUTBOUND)),
                Arguments.of("GET", "/realms/r1/writes/Customer/58", Set.of(CP_OUTBOUND, QBO_INBOUND)),
                Arguments.of("PUT", "/realms/r1/announced-creates/COMPANY/c1", Set.of(CP_OUTBOUND)),
                Arguments.of("DELETE", "/realms/r1/announced-creates/COMPANY/c1", Set.of(CP_OUTBOUND)),
                Arguments.of("GET", "/realms/r1/announced-creates", Set.of(QBO_INBOUND)),
                Arguments.of("POST", "/realms/r1/applied-changes", Set.of(QBO_INBOUND)),
                Arguments.of("GET", "/realms/r1/applied-payloads/Customer/58", Set.of(QBO_INBOUND)),
                Arguments.of("PUT", "/realms/r1/applied-payloads/Customer/58", Set.of(QBO_INBOUND)),
                Arguments.of("GET", "/realms/r1/cdc-cursor", Set.of(QBO_INBOUND)),
                Arguments.of("PUT", "/realms/r1/cdc-cursor", Set.of(QBO_INBOUND)),
                Arguments.of("GET", "/tenants/t1/connection", Set.of(CP_OUTBOUND, CENTERPOINT)),
                Arguments.of("GET", "/realms/r1/connection", Set.of(QBO_INBOUND)),
                Arguments.of("GET", "/connections", Set.of(QBO_INBOUND, OPS_CONSOLE)),
                Arguments.of("POST", "/tenants/t1/connection/access-token",
                        Set.of(CP_OUTBOUND, QBO_INBOUND, OPS_CONSOLE)),
                Arguments.of("GET", "/tenants/t1/connection/authorize", Set.of(CENTERPOINT)),
                Arguments.of("DELETE", "/tenants/t1/connection", Set.of(CENTERPOINT)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void shouldAllowExactlyTheCallersThatNeedTheEndpoint(String method, String path, Set<String> allowed) {
        for (String caller : ServiceAccessPolicy.KNOWN_CALLERS) {
            assertThat(ServiceAccessPolicy.allows(caller, method, path)).as(caller).isEqualTo(allowed.contains(caller));
        }
        assertThat(ServiceAccessPolicy.allows("some-other-service", method, path)).isFalse();
        assertThat(ServiceAccessPolicy.isOpen(method, path)).isFalse();
    }

    @Test
    void shouldLeaveOnlyProbesScrapingTheApiDescriptionAndTheOAuthCallbackOpen() {
        assertThat(ServiceAccessPolicy.isOpen("GET", "/actuator/health")).isTrue();
        assertThat(ServiceAccessPolicy.isOpen("GET", "/actuator/health/readiness")).isTrue();
        assertThat(ServiceAccessPolicy.isOpen("GET", "/actuator/prometheus")).isTrue();
        assertThat(ServiceAccessPolicy.isOpen("GET", "/actuator/info")).isTrue();
        assertThat(ServiceAccessPolicy.isOpen("GET", "/oauth/callback")).isTrue();
        assertThat(ServiceAccessPolicy.isOpen("POST", "/oauth/callback")).isFalse();
        assertThat(ServiceAccessPolicy.isOpen("GET", "/v3/api-docs")).isTrue();
        assertThat(ServiceAccessPolicy.isOpen("GET", "/v3/api-docs/swagger-config")).isFalse();
        assertThat(ServiceAccessPolicy.isOpen("GET", "/actuator/env")).isFalse();
    }

    @Test
    void shouldRefuseAnotherMethodOnAnAllowedPath() {
        assertThat(ServiceAccessPolicy.allows(CP_OUTBOUND, "DELETE", "/tenants/t1/links/COMPANY/c1")).isFalse();
        assertThat(ServiceAccessPolicy.allows(QBO_INBOUND, "PUT", "/tenants/t1/connection")).isFalse();
    }

    @Test
    void shouldMatchNoRuleForUnlistedOrOddPaths() {
        List<String> odd = List.of("/tenants/t1/links/COMPANY/c1/extra", "/tenants/t1/links/../connection",
                "/tenants//links/COMPANY/c1", "/tenants/t1/links/COMPANY/./repoint", "/connections/", "/nothing",
                "tenants/t1/conflicts", "");
        for (String path : odd) {
            for (String caller : ServiceAccessPolicy.KNOWN_CALLERS) {
                for (String method : List.of("GET", "PUT", "POST", "DELETE")) {
                    assertThat(ServiceAccessPolicy.allows(caller, method, path)).as(method + " " + path).isFalse();
                }
            }
        }
    }

    @Test
    void shouldRefuseANullCaller() {
        assertThat(ServiceAccessPolicy.allows(null, "GET", "/connections")).isFalse();
    }
}
