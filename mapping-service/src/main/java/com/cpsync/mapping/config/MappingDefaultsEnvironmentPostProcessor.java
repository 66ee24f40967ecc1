package com.cpsync.mapping.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.cpsync.mapping.MappingServiceApplication;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Adds {@code mapping-service.properties} as the lowest-precedence property source, for this app only.
 * <p>
 * Not {@code application.properties}: other modules start this app in-process beside their own apps, where one
 * classpath-wide {@code application.properties} would shadow the others'. Not {@code @PropertySource}: that would
 * outrank the properties such a test passes to {@code SpringApplicationBuilder}. Everything else overrides these.
 */
public class MappingDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "mappingServiceDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!application.getAllSources().contains(MappingServiceApplication.class)
                || environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        try {
            environment.getPropertySources().addLast(new PropertiesPropertySource(SOURCE_NAME,
                    PropertiesLoaderUtils.loadProperties(new ClassPathResource("mapping-service.properties"))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mapping-service.properties", e);
        }
    }
}
