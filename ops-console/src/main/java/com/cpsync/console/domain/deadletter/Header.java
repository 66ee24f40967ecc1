package com.cpsync.console.domain.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** One Kafka record header, bytes as they came. */
public record Header(String name, byte[] value) {

    public static Header utf8(String name, String value) {
        return new Header(name, value.getBytes(StandardCharsets.UTF_8));
    }

    public String text() {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Header header && name.equals(header.name) && Arrays.equals(value, header.value);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return name + "=" + (value == null ? "null" : value.length + " bytes");
    }
}
