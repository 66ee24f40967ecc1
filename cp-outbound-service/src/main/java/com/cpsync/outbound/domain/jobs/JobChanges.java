package com.cpsync.outbound.domain.jobs;

import java.util.Objects;

import com.cpsync.outbound.domain.qbo.QboAddress;

/**
 * Which job fields a sparse update must carry. A removed address is not a change: QBO cannot
 * clear an address through a sparse update, so the old one stays.
 */
public record JobChanges(boolean displayName, boolean address) {

    public static JobChanges none() {
        return new JobChanges(false, false);
    }

    /** Every field: use when only the new state is known. */
    public static JobChanges all() {
        return new JobChanges(true, true);
    }

    /** Differences between the previous and the new Centerpoint state, as QBO would store them. */
    public static JobChanges between(JobFields previous, JobFields current) {
        boolean name = !Objects.equals(previous.displayName(), current.displayName());
        boolean address = current.address() != null
                && (previous.address() == null
                        || !QboAddress.of(previous.address()).equals(QboAddress.of(current.address())));
        return new JobChanges(name, address);
    }

    /** Differences between a job as read from QBO (e.g. after a 5010) and the new Centerpoint state. */
    public static JobChanges against(JobInQbo qbo, JobFields current) {
        boolean name = !current.displayName().equals(qbo.displayName());
        QboAddress wanted = current.address() == null ? null : QboAddress.of(current.address());
        boolean address = wanted != null && (!wanted.equals(qbo.billAddr()) || !wanted.equals(qbo.shipAddr()));
        return new JobChanges(name, address);
    }

    /** What a sparse update of {@code current} sends: an address only when there is one. */
    public JobChanges sentWith(JobFields current) {
        return new JobChanges(displayName, address && current.address() != null);
    }

    public boolean isEmpty() {
        return !displayName && !address;
    }
}
