package com.cpsync.sandbox.adapter.in.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import com.cpsync.sandbox.domain.QboFault;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class GzipRequestFilterTest {

    @Test
    void shouldInflateAGzipBody() throws IOException {
        byte[] json = "{\"DisplayName\":\"Caf\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(json);
        }

        assertThat(GzipRequestFilter.gunzip(compressed.toByteArray())).isEqualTo(json);
    }

    @Test
    void shouldAnswerAFaultWhenTheBodyIsNotGzip() {
        QboFault fault = catchThrowableOfType(QboFault.class,
                () -> GzipRequestFilter.gunzip("{\"DisplayName\":\"plain\"}".getBytes(StandardCharsets.UTF_8)));

        assertThat(fault.details().httpStatus()).isEqualTo(400);
        assertThat(fault.details().detail()).contains("Content-Encoding: gzip");
    }
}
