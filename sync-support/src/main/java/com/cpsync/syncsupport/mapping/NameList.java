package com.cpsync.syncsupport.mapping;

/** QBO's name lists, which share one DisplayName space (error 6240); names as QBO spells the entities. */
public enum NameList { Customer, Vendor, Employee }
