package com.cpsync.outbound.domain.jobs;

/** The Centerpoint project events that can move a project to QBO. */
public enum ProjectTrigger { PROJECT_CREATED, PROJECT_UPDATED, PROJECT_INVOICED }
