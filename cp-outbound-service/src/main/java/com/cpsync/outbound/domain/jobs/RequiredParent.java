package com.cpsync.outbound.domain.jobs;

/** A QBO record that must exist before a write; ensure them in list order (company before ticket job). */
public enum RequiredParent { COMPANY_CUSTOMER, TICKET_JOB }
