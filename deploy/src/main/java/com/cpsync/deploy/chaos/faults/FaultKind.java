package com.cpsync.deploy.chaos.faults;

/** What a scheduled fault does to the running stack. */
public enum FaultKind {
    /** SIGKILL the service's instance, then start it again on its port. */
    KILL_SERVICE,
    /** Start a second instance of a sync service on another port: its consumer groups rebalance in. */
    SECOND_INSTANCE_UP,
    /** Stop that second instance (once it has run): the groups rebalance out. */
    SECOND_INSTANCE_DOWN,
    /** Stop the Kafka broker and start it again on the same data. */
    RESTART_KAFKA,
    /** {@code PUT /admin/realms/{realm}/faults} on the sandbox with the fault's settings. */
    REALM_FAULTS,
    /** {@code PUT /admin/webhooks} on the sandbox with the fault's settings. */
    WEBHOOK_FAULTS
}
