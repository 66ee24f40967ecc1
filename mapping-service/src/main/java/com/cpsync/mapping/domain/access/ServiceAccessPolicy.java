package com.cpsync.mapping.domain.access;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Which calling service may use which endpoint of mapping-service: least privilege, deny by default. The caller
 * is the verified subject of its JWT (docs/security.md); this class only decides, the web layer enforces.
 * <p>
 * Paths are matched segment by segment on the raw request path ({@code *} = exactly one segment, a trailing
 * {@code **} = any rest); a path with an empty, {@code .} or {@code ..} segment matches no rule, so it is never
 * let through on a technicality of normalisation.
 */
public final class ServiceAccessPolicy {

    public static final String CP_OUTBOUND = "cp-outbound-service";
    public static final String QBO_INBOUND = "qbo-inbound-service";
    /** Centerpoint's side: the stand-in locally, Centerpoint's integration backend in production. */
    public static final String CENTERPOINT = "centerpoint-stand-in";
    /**
     * The operations console: reads the connections for its tenants page; for reconciliation (issue 12) it reads
     * links and takes a QBO access token (its QBO reads are queries at BACKLOG priority); it writes nothing here.
     */
    public static final String OPS_CONSOLE = "ops-console";

    public static final Set<String> KNOWN_CALLERS = Set.of(CP_OUTBOUND, QBO_INBOUND, CENTERPOINT, OPS_CONSOLE);

    /** Reachable without a credential: probes and scraping, and QBO's browser redirect (guarded by the state). */
    private static final List<Rule> OPEN = List.of(
            new Rule("GET", "/actuator/health/**"),
            new Rule("GET", "/actuator/info"),
            new Rule("GET", "/actuator/prometheus"),
            new Rule("GET", "/oauth/callback"),
            // the API's own description (docs/openapi): what a caller may send is no secret
            new Rule("GET", "/v3/api-docs"),
            new Rule("GET", "/v3/api-docs.yaml"));

    private static final List<Rule> RULES = List.of(
            new Rule("GET", "/tenants/*/links/*/*", CP_OUTBOUND, QBO_INBOUND, OPS_CONSOLE),
            new Rule("GET", "/tenants/*/links/*", CP_OUTBOUND, QBO_INBOUND, OPS_CONSOLE),
            new Rule("POST", "/tenants/*/links/*/lookup", CP_OUTBOUND, QBO_INBOUND, OPS_CONSOLE),
            new Rule("PUT", "/tenants/*/links/*/*", CP_OUTBOUND, QBO_INBOUND),
            // only QBO's merges move links, and only qbo-inbound sees merges
            new Rule("POST", "/tenants/*/links/*/repoint", QBO_INBOUND),
            new Rule("POST", "/tenants/*/customer-matches", CP_OUTBOUND),
            // conflicts wait for a person, who sees them in Centerpoint
            new Rule("GET", "/tenants/*/conflicts", CENTERPOINT),
            new Rule("POST", "/realms/*/writes", CP_OUTBOUND),
            new Rule("GET", "/realms/*/writes/*/*", CP_OUTBOUND, QBO_INBOUND),
            // cp-outbound announces its customer and job creates; qbo-inbound recognises their copies by them
            new Rule("PUT", "/realms/*/announced-creates/*/*", CP_OUTBOUND),
            new Rule("DELETE", "/realms/*/announced-creates/*/*", CP_OUTBOUND),
            new Rule("GET", "/realms/*/announced-creates", QBO_INBOUND),
            new Rule("POST", "/realms/*/applied-changes", QBO_INBOUND),
            new Rule("GET", "/realms/*/applied-payloads/*/*", QBO_INBOUND),
            new Rule("PUT", "/realms/*/applied-payloads/*/*", QBO_INBOUND),
            new Rule("GET", "/realms/*/cdc-cursor", QBO_INBOUND),
            new Rule("PUT", "/realms/*/cdc-cursor", QBO_INBOUND),
            new Rule("GET", "/tenants/*/connection", CP_OUTBOUND, CENTERPOINT),
            new Rule("GET", "/realms/*/connection", QBO_INBOUND),
            new Rule("GET", "/connections", QBO_INBOUND, OPS_CONSOLE),
            // a live QBO token: the services that call QBO (the console only for reconciliation's reads)
            new Rule("POST", "/tenants/*/connection/access-token", CP_OUTBOUND, QBO_INBOUND, OPS_CONSOLE),
            // connecting and disconnecting are a user's acts, made in Centerpoint
            new Rule("GET", "/tenants/*/connection/authorize", CENTERPOINT),
            new Rule("DELETE", "/tenants/*/connection", CENTERPOINT));

    private ServiceAccessPolicy() {
    }

    /** True when the endpoint needs no credential at all. */
    public static boolean isOpen(String method, String path) {
        return OPEN.stream().anyMatch(rule -> rule.matches(method, path));
    }

    /** True when the (authenticated) caller may call the endpoint; false for unknown callers and unlisted paths. */
    public static boolean allows(String caller, String method, String path) {
        return caller != null && RULES.stream().anyMatch(rule -> rule.matches(method, path)
                && rule.callers().contains(caller));
    }

    /** One endpoint (method and path pattern) and the callers that may use it. */
    record Rule(String method, String pattern, Set<String> callers) {

        Rule(String method, String pattern, String... callers) {
            this(method, pattern, Set.of(callers));
        }

        boolean matches(String requestMethod, String path) {
            if (!method.equals(requestMethod) || path == null || !path.startsWith("/")) {
                return false;
            }
            String[] wanted = pattern.substring(1).split("/", -1);
            String[] actual = path.substring(1).split("/", -1);
            if (Arrays.stream(actual).anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."))) {
                return false;
            }
            boolean rest = wanted[wanted.length - 1].equals("**");
            int fixed = rest ? wanted.length - 1 : wanted.length;
            if (rest ? actual.length < fixed : actual.length != fixed) {
                return false;
            }
            for (int i = 0; i < fixed; i++) {
                if (!wanted[i].equals("*") && !wanted[i].equals(actual[i])) {
                    return false;
                }
            }
            return true;
        }
    }
}
