package com.cpsync.deploy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.cpsync.deploy.StackPidFile.Contents;
import com.cpsync.deploy.StackPidFile.Entry;

import static org.assertj.core.api.Assertions.assertThat;

class StackPidFileTest {

    @TempDir
    Path runDir;

    @Test
    void shouldReadBackEveryRecordedProcessAndTheWorkDirectory() {
        StackPidFile written = new StackPidFile(runDir);
        written.record("launcher", ProcessHandle.current());
        written.recordWorkDir(Path.of("/tmp/cpsync-local-stack123"));

        Contents read = new StackPidFile(runDir).read();

        assertThat(read.processes()).singleElement().satisfies(entry -> {
            assertThat(entry.name()).isEqualTo("launcher");
            assertThat(entry.pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(entry.started()).isEqualTo(ProcessHandle.current().info().startInstant()
                    .map(start -> Instant.ofEpochMilli(start.toEpochMilli())));
        });
        assertThat(read.workDir()).contains(Path.of("/tmp/cpsync-local-stack123"));
    }

    @Test
    void shouldParseAnUnknownStartTimeAndSkipLinesItDoesNotKnow() {
        Contents read = StackPidFile.parse(List.of("process kafka 42 -", "something else", "process postgresql 43 1772359200250"));

        assertThat(read.processes()).containsExactly(new Entry("kafka", 42, Optional.empty()),
                new Entry("postgresql", 43, Optional.of(Instant.parse("2026-03-01T10:00:00.250Z"))));
        assertThat(read.workDir()).isEmpty();
    }

    @Test
    void shouldLeaveNothingAfterACleanStop() {
        StackPidFile file = new StackPidFile(runDir);
        file.record("launcher", ProcessHandle.current());

        file.delete();

        assertThat(new StackPidFile(runDir).read().processes()).isEmpty();
    }
}
