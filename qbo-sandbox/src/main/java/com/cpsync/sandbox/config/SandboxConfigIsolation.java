package com.cpsync.sandbox.config;

import java.util.Map;

import com.cpsync.sandbox.QboSandboxApplication;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Other modules start the sandbox in-process; without this, the sandbox context would load the host
 * module's {@code application.yml} (e.g. its {@code server.port}) from the shared classpath. The sandbox
 * reads {@code qbo-sandbox.properties|yml} instead, so only the properties given to the builder apply.
 */
public class SandboxConfigIsolation implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (application.getAllSources().contains(QboSandboxApplication.class)
                && !environment.containsProperty("spring.config.name")) {
            environment.getPropertySources().addLast(
                    new MapPropertySource("qboSandboxConfigIsolation", Map.of("spring.config.name", "qbo-sandbox")));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
