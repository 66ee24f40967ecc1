package com.cpsync.console.config;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The console's users. Locally one OPERATOR, {@code ops} / {@code local-ops-password}
 * ({@code OPS_CONSOLE_USER}, {@code OPS_CONSOLE_PASSWORD}); production sets them from a Secret.
 * No {@link #toString()} shows a password.
 */
@ConfigurationProperties("app.access")
public record AccessProperties(List<User> users) {

    public AccessProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    public enum Role {
        /** Reads every page and the GET API. */
        VIEWER,
        /** Also acts: replays dead letters. */
        OPERATOR
    }

    public record User(String name, String password, Role role) {

        @Override
        public String toString() {
            return "User[name=" + name + ", role=" + role + "]";
        }
    }
}
