package com.leadledger.query.config;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DelegatingTransactionDefinition;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A JDBC transaction manager that sets a transaction's isolation level as the transaction's first statement
 * ({@code SET TRANSACTION ISOLATION LEVEL …}, which PgJDBC sends in one round trip with the {@code BEGIN}), not on
 * the session around it. Spring's own way reads the session's level, changes it and changes it back, and PgJDBC makes
 * each of those a round trip of its own: on a read-only REPEATABLE READ request that reads two tables, three of its six
 * round trips to PostgreSQL, where setting the level inside costs one. On two busy cores every round trip waits for a
 * core, so the reads' latency follows their number ({@code docs/performance.md}, row 3). The session's own level is
 * never touched, so nothing has to be reset when the connection goes back to the pool.
 */
class IsolationInsideTransactionManager extends JdbcTransactionManager {

    IsolationInsideTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        boolean levelDeclared = definition.getIsolationLevel() != TransactionDefinition.ISOLATION_DEFAULT;
        super.doBegin(transaction, levelDeclared ? new LevelSetInside(definition) : definition);
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        if (definition instanceof LevelSetInside inside) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL " + inside.levelName());
            }
        }
    }

    /** The definition as Spring's connection preparation sees it: the session's level, left alone. */
    private static final class LevelSetInside extends DelegatingTransactionDefinition {

        private final int level;

        LevelSetInside(TransactionDefinition target) {
            super(target);
            this.level = target.getIsolationLevel();
        }

        @Override
        public int getIsolationLevel() {
            return ISOLATION_DEFAULT;
        }

        String levelName() {
            return switch (level) {
                case ISOLATION_READ_UNCOMMITTED -> "READ UNCOMMITTED";
                case ISOLATION_READ_COMMITTED -> "READ COMMITTED";
                case ISOLATION_REPEATABLE_READ -> "REPEATABLE READ";
                case ISOLATION_SERIALIZABLE -> "SERIALIZABLE";
                default -> throw new IllegalArgumentException("no isolation level " + level);
            };
        }
    }
}
