package com.cpsync.inbound.application;

import java.time.Duration;
import java.util.List;

import com.cpsync.inbound.domain.change.QboEntity;

/**
 * @param entities      QBO entities polled
 * @param firstLookBack how far back the first poll of a realm without a cursor reaches
 * @param overlap       how far the next poll reaches back before QBO's response time (clock skew, late commits)
 */
public record CdcSettings(List<QboEntity> entities, Duration firstLookBack, Duration overlap) {
}
