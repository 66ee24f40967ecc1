package com.cpsync.standin.application;

import com.cpsync.standin.domain.CompanyChanged;

/** Where the events Centerpoint causes itself go (centerpoint.events.v1). */
public interface CenterpointEventPublisher {

    /** Returns once the event is durably published; throws when it could not be. */
    void publish(CompanyChanged event);
}
