package com.cpsync.outbound.domain.jobs;

import com.cpsync.outbound.domain.qbo.QboAddress;

/** A job (sub-customer) as read from QBO: what {@link JobChanges#against} compares; absent parts are null. */
public record JobInQbo(String displayName, QboAddress billAddr, QboAddress shipAddr) {
}
