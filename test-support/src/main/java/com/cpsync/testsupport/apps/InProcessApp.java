package com.cpsync.testsupport.apps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another module's Spring Boot application, started in this JVM on a free port. The caller names the
 * application class: test-support cannot depend on the apps, which use test-support themselves.
 */
public final class InProcessApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private InProcessApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * @param beans     singletons registered before refresh (a clock the app then takes instead of its own)
     * @param arguments {@code --name=value}: command-line arguments outrank the app's own defaults (an
     *                  {@code @PropertySource} or an environment post-processor), builder properties do not
     */
    public static InProcessApp start(Class<?> application, Map<String, Object> beans, String... arguments) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off"));
        all.addAll(Arrays.asList(arguments));
        SpringApplicationBuilder builder = new SpringApplicationBuilder(application);
        if (!beans.isEmpty()) {
            builder.initializers(context -> beans.forEach(context.getBeanFactory()::registerSingleton));
        }
        return new InProcessApp(builder.run(all.toArray(String[]::new)));
    }

    public static InProcessApp start(Class<?> application, String... arguments) {
        return start(application, Map.of(), arguments);
    }

    public String url() {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
