package com.leadledger.query.audit;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Objects;

/**
 * Reads of the whole copied log stream their rows in chunks through a template of their own: setting the fetch size on
 * the application's shared template would change it for every other reader too.
 */
final class ChunkedReads {

    static final int FETCH_SIZE = 2_000;

    private ChunkedReads() {
    }

    static JdbcTemplate over(JdbcTemplate shared) {
        JdbcTemplate own = new JdbcTemplate(Objects.requireNonNull(shared.getDataSource(), "the shared data source"));
        own.setFetchSize(FETCH_SIZE);
        return own;
    }
}
