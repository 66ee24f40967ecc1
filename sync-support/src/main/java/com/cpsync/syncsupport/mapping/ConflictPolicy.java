package com.cpsync.syncsupport.mapping;

/** The tenant's name-conflict setting: suffix the name, or hold the company as a CONFLICT. */
public enum ConflictPolicy { SUFFIX, HOLD }
