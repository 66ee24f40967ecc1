package com.cpsync.mapping.adapter.in.web;

import com.cpsync.mapping.domain.access.ServiceAccessPolicy;
import com.cpsync.testsupport.auth.TestServiceKeys;

import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.ClientRequest;

/** How the ITs call mapping-service as its callers do: each with a freshly signed JWT (test-support's keys). */
final class ServiceCallers {

    private ServiceCallers() {
    }

    /** Makes the app under test trust this JVM's test key for every known caller. */
    static void trustTestKeys(DynamicPropertyRegistry registry) {
        for (String caller : ServiceAccessPolicy.KNOWN_CALLERS) {
            registry.add("app.service-auth.callers[" + caller + "]", TestServiceKeys::publicKey);
        }
    }

    /** Every request signed as this caller. */
    static WebTestClient as(WebTestClient http, String caller) {
        return http.mutate().filter((request, next) -> next.exchange(ClientRequest.from(request)
                .header(HttpHeaders.AUTHORIZATION, TestServiceKeys.bearer(caller)).build())).build();
    }

    /**
     * Every request signed as a caller the policy lets make it: for the ITs of what the API does, which are not
     * about who may call it (ServiceAuthIT and ServiceAccessPolicyTest are).
     */
    static WebTestClient asPermittedCallers(WebTestClient http) {
        return http.mutate().filter((request, next) -> {
            String method = request.method().name();
            String path = request.url().getRawPath();
            return ServiceAccessPolicy.KNOWN_CALLERS.stream()
                    .filter(caller -> ServiceAccessPolicy.allows(caller, method, path)).findFirst()
                    .map(caller -> next.exchange(ClientRequest.from(request)
                            .header(HttpHeaders.AUTHORIZATION, TestServiceKeys.bearer(caller)).build()))
                    .orElseGet(() -> next.exchange(request));
        }).build();
    }
}
