package com.cpsync.outbound.domain.jobs;

import com.cpsync.outbound.domain.events.EventPayload.ProjectChanged;

/** The Centerpoint project events that can move a project to QBO. */
public enum ProjectTrigger {
    PROJECT_CREATED, PROJECT_UPDATED, PROJECT_INVOICED;

    public static ProjectTrigger of(ProjectChanged.Kind kind) {
        return kind == ProjectChanged.Kind.CREATED ? PROJECT_CREATED
                : kind == ProjectChanged.Kind.INVOICED ? PROJECT_INVOICED : PROJECT_UPDATED;
    }
}
