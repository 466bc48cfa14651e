package com.leadledger.query.config;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;

import javax.sql.DataSource;

/** Boot's JDBC transaction manager, with the isolation level set inside each transaction. */
@Configuration
class TransactionConfig {

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource,
                                              ObjectProvider<TransactionManagerCustomizers> customizers) {
        JdbcTransactionManager manager = new IsolationInsideTransactionManager(dataSource);
        customizers.ifAvailable(customizer -> customizer.customize(manager));
        return manager;
    }
}
