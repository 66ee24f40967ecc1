package com.cpsync.outbound.adapter.in.kafka.work;

/** A waiting room that admits every item and never holds one: for tests of what the workers do otherwise. */
final class HandleEverything implements ConnectionWait {

    @Override
    public Admission admit(WorkItem item) {
        return Admission.HANDLE;
    }

    @Override
    public void hold(WorkItem item, String cause) {
        throw new IllegalStateException("not expected to hold " + item.event().eventId());
    }
}
