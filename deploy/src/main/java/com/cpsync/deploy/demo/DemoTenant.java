package com.cpsync.deploy.demo;

/** The demo's tenants, each connected to its own sandbox realm. */
enum DemoTenant {

    ACME("acme-builders", "9130350000000001"),
    NEVER("never-sync-co", "9130350000000002"),
    HOLD("hold-co", "9130350000000003"),
    FIRST("first-project-co", "9130350000000004"),
    OUTAGE("stormy-realm-co", "9130350000000005");

    /** The Centerpoint tenant id. */
    final String id;
    /** The QBO realm the tenant is connected to. */
    final String realm;

    DemoTenant(String id, String realm) {
        this.id = id;
        this.realm = realm;
    }
}
