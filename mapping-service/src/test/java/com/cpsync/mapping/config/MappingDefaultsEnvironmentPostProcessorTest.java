package com.cpsync.mapping.config;

import java.util.Map;

import com.cpsync.mapping.MappingServiceApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class MappingDefaultsEnvironmentPostProcessorTest {

    private final MappingDefaultsEnvironmentPostProcessor processor = new MappingDefaultsEnvironmentPostProcessor();

    @Test
    void shouldLetPropertiesGivenByAnInProcessStarterWinOverTheDefaults() {
        StandardEnvironment environment = new StandardEnvironment();
        // what SpringApplicationBuilder.properties(...) becomes
        environment.getPropertySources().addLast(new MapPropertySource("defaultProperties", Map.of("server.port", "0")));

        processor.postProcessEnvironment(environment, new SpringApplication(MappingServiceApplication.class));

        assertThat(environment.getProperty("server.port")).isEqualTo("0");
        assertThat(environment.getProperty("app.qbo.client-id")).isEqualTo("local-client-id");
        assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
                .isEqualTo("health,info,prometheus");
    }

    @Test
    void shouldLeaveOtherAppsInTheSameJvmAlone() {
        StandardEnvironment environment = new StandardEnvironment();

        processor.postProcessEnvironment(environment, new SpringApplication(Object.class));

        assertThat(environment.getProperty("app.qbo.client-id")).isNull();
    }
}
