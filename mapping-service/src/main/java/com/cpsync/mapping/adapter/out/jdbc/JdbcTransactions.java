package com.cpsync.mapping.adapter.out.jdbc;

import java.util.function.Supplier;

import com.cpsync.mapping.application.port.Transactions;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

@Component
class JdbcTransactions implements Transactions {

    private final TransactionTemplate template;

    JdbcTransactions(TransactionTemplate template) {
        this.template = template;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return template.execute(status -> work.get());
    }
}
