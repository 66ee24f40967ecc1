package com.cpsync.deploy.chaos.workload;

/** How a record's token marks a name: the name is the token, or starts with it and a space. */
public final class Tokens {

    private Tokens() {
    }

    /** So C0001 is not taken for C00012, and a suffixed copy ("C0001 Acme (customer)") still counts. */
    public static boolean marks(String name, String token) {
        return name != null && (name.equals(token) || name.startsWith(token + " "));
    }
}
