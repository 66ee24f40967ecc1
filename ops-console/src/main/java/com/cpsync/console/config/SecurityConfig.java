package com.cpsync.console.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

import com.cpsync.console.domain.contractor.ContractorLinks;

/**
 * Who may do what. Pages: form login, a session. {@code /api}: HTTP Basic or that session; without either 401,
 * with the wrong role 403, both as JSON. VIEWER reads, OPERATOR also acts (OPERATOR includes VIEWER). CSRF
 * protects every session-authenticated POST; a request that brings its own Basic credentials needs no token.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    static final String LOCAL_DEFAULT_PASSWORD = "local-ops-password";

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);
    private static final String[] OPEN = {"/login", "/error", "/console.css", "/actuator/health", "/actuator/health/**",
        "/actuator/info", "/actuator/prometheus"};

    @Bean
    RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_OPERATOR > ROLE_VIEWER");
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("ops-console");
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole("VIEWER")
                        .anyRequest().hasRole("OPERATOR"))
                .httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(basic))
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, failure) -> {
                            basic.commence(request, response, failure);
                            writeJson(response, "unauthorized", "log in: HTTP Basic or the console's session");
                        })
                        .accessDeniedHandler((request, response, denied) -> {
                            // a POST without credentials fails the CSRF check before anyone is known: a 401
                            if (!authenticated(SecurityContextHolder.getContext().getAuthentication())) {
                                basic.commence(request, response,
                                        new InsufficientAuthenticationException(denied.getMessage(), denied));
                                writeJson(response, "unauthorized", "log in: HTTP Basic or the console's session");
                                return;
                            }
                            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                            writeJson(response, "forbidden", "this needs the OPERATOR role (or a CSRF token "
                                    + "when using the session)");
                        }))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(OPEN).permitAll()
                        .requestMatchers(HttpMethod.GET, "/contractor/*").permitAll()
                        .requestMatchers(HttpMethod.GET, "/shared/{tenantId}").access((authentication, context) ->
                                new AuthorizationDecision(mayRead(authentication.get(),
                                        context.getVariables().get("tenantId"))))
                        .requestMatchers(HttpMethod.POST, "/logout").authenticated()
                        .requestMatchers(HttpMethod.POST, "/**").hasRole("OPERATOR")
                        .anyRequest().hasRole("VIEWER"))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/tenants", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .build();
    }

    /** A VIEWER or OPERATOR reads every tenant; a contractor's session only its own. */
    private static boolean authenticated(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    private static boolean mayRead(Authentication authentication, String tenantId) {
        Set<String> authorities = new HashSet<>();
        authentication.getAuthorities().forEach(authority -> authorities.add(authority.getAuthority()));
        return authorities.contains("ROLE_VIEWER") || authorities.contains("ROLE_OPERATOR")
                || authorities.contains(ContractorLinks.authorityFor(tenantId));
    }

    @Bean
    InMemoryUserDetailsManager users(AccessProperties access) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        Set<String> names = new HashSet<>();
        List<UserDetails> users = access.users().stream().map(user -> {
            if (user.name() == null || user.name().isBlank() || user.password() == null || user.password().isBlank()
                    || user.role() == null) {
                throw new IllegalStateException("app.access.users: every user needs a name, a password and a role ("
                        + user + ")");
            }
            if (!names.add(user.name())) {
                throw new IllegalStateException("app.access.users names '" + user.name() + "' twice");
            }
            if (LOCAL_DEFAULT_PASSWORD.equals(user.password())) {
                log.warn("User '{}' has the local default password: set OPS_CONSOLE_PASSWORD outside a local stack",
                        user.name());
            }
            return User.withUsername(user.name()).password(encoder.encode(user.password()))
                    .roles(user.role().name()).build();
        }).toList();
        if (users.isEmpty()) {
            throw new IllegalStateException("app.access.users is empty: nobody could log in");
        }
        return new InMemoryUserDetailsManager(users);
    }

    private static void writeJson(HttpServletResponse response, String error, String message)
            throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"error\":\"" + error + "\",\"message\":\"" + message + "\"}");
    }
}
