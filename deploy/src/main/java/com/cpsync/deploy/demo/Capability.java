package com.cpsync.deploy.demo;

import java.util.Arrays;
import java.util.Locale;

/** What a demo step needs from the system; a capability not built yet can be switched off by configuration. */
public enum Capability {
    CONNECTION, SETTINGS, COMPANIES, PROJECTS, TICKETS, INVOICES, INBOUND, ISOLATION, CONSOLE;

    public static Capability parse(String name) {
        String normalised = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(c -> c.name().equals(normalised)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown capability '" + name.trim() + "', expected one of "
                        + Arrays.toString(values()).toLowerCase(Locale.ROOT)));
    }
}
