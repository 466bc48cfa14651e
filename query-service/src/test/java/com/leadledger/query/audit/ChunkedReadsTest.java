package com.leadledger.query.audit;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class ChunkedReadsTest {

    @Test
    void chunkedReadsUseATemplateOfTheirOwnOverTheSameDataSource() {
        JdbcTemplate shared = new JdbcTemplate(new SimpleDriverDataSource());

        JdbcTemplate chunked = ChunkedReads.over(shared);

        assertThat(chunked).isNotSameAs(shared);
        assertThat(chunked.getDataSource()).isSameAs(shared.getDataSource());
        assertThat(chunked.getFetchSize()).isEqualTo(ChunkedReads.FETCH_SIZE);
        assertThat(shared.getFetchSize()).as("the shared template is left as Spring made it").isEqualTo(-1);
    }
}
