package com.cpsync.deploy.chaos.faults;

/** The services a chaos run kills and scales: their names in the local stack. */
public enum SyncService {
    MAPPING("mapping-service"),
    OUTBOUND("cp-outbound-service"),
    INBOUND("qbo-inbound-service");

    private final String serviceName;

    SyncService(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }
}
