package com.cpsync.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * zonky's embedded PostgreSQL in a data directory of the run. Its server runs detached from the
 * launcher (pg_ctl starts it), so it would outlive a killed launcher: its pid goes to the pid file.
 */
final class LocalPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static LocalPostgres start(Path dataDir, StackPidFile pidFile) throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(true).start();
        postmaster(dataDir).ifPresent(server -> pidFile.record(StackServices.POSTGRESQL, server));
        return new LocalPostgres(postgres);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    /** The server's pid is the first line of {@code postmaster.pid} in its data directory. */
    private static Optional<ProcessHandle> postmaster(Path dataDir) throws IOException {
        Path file = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Files.readAllLines(file).stream().findFirst().map(String::trim).map(Long::parseLong)
                .flatMap(ProcessHandle::of);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        }
        catch (IOException ex) {
            log.warn("PostgreSQL did not stop cleanly: {}", ex.getMessage());
        }
    }
}
