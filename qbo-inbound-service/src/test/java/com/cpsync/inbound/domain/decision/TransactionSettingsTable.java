package com.cpsync.inbound.domain.decision;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Every value of the three switches of a QBO transaction (get new, get changes, delete) against new,
 * changed, voided and deleted states. Project invoices and payments follow the same rule, so both
 * decision tests run this one table: (operation, imported, getNew, getChanges, delete, result, action).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0} imported={1} new={2} changes={3} delete={4} -> {5} {6}")
@CsvFileSource(resources = "/transaction-settings.csv", numLinesToSkip = 1)
@interface TransactionSettingsTable {
}
