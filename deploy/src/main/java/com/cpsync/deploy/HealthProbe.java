package com.cpsync.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks a service whether it takes traffic: its readiness group ({@code /actuator/health/readiness},
 * which includes e.g. mapping-service's database), else its plain {@code /actuator/health}. A
 * service that serves neither counts as up once it answers HTTP at all.
 */
final class HealthProbe {

    /** What one health URL answered. */
    enum Answer { UP, NOT_YET, ABSENT }

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    boolean isReady(String baseUrl) throws InterruptedException {
        Answer readiness = ask(baseUrl + "/actuator/health/readiness");
        return isReady(readiness, readiness == Answer.ABSENT ? ask(baseUrl + "/actuator/health") : Answer.ABSENT);
    }

    static boolean isReady(Answer readiness, Answer health) {
        if (readiness != Answer.ABSENT) {
            return readiness == Answer.UP;
        }
        return health != Answer.NOT_YET;
    }

    /** 200 is up, 404 means no such endpoint, anything else (503 while starting) or no answer is not yet. */
    static Answer classify(int status) {
        if (status == 200) {
            return Answer.UP;
        }
        return status == 404 ? Answer.ABSENT : Answer.NOT_YET;
    }

    private Answer ask(String url) throws InterruptedException {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return classify(response.statusCode());
        }
        catch (IOException ex) {
            return Answer.NOT_YET;
        }
    }
}
