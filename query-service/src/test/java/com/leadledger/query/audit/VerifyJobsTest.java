package com.leadledger.query.audit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class VerifyJobsTest {

    private static final JdbcTemplate UNUSED_DATABASE = new JdbcTemplate(new SimpleDriverDataSource());

    @Test
    void aVerificationThatDiesOfAnErrorIsShownFailedNotRunningForEver() {
        CopyVerifier dying = new CopyVerifier(UNUSED_DATABASE, Clock.systemUTC(), new SimpleMeterRegistry(), null,
                null) {
            @Override
            long eventsInScope(String streamId) {
                return 26;
            }

            @Override
            public Result verify(String scope, String streamId, Progress progress) {
                progress.update("CHAINS", 26);
                throw new StackOverflowError("deep");
            }
        };
        VerifyJobs jobs = new VerifyJobs(dying, Clock.systemUTC());
        try {
            String id = jobs.start("all", null, "auditor").id();

            await().atMost(Duration.ofSeconds(10)).until(() -> !"RUNNING".equals(jobs.find(id).orElseThrow().state())
                    && !"QUEUED".equals(jobs.find(id).orElseThrow().state()));
            VerifyJobs.JobView failed = jobs.find(id).orElseThrow();
            assertThat(failed.state()).isEqualTo("FAILED");
            assertThat(failed.error()).isEqualTo("deep");
            assertThat(failed.finishedAt()).isNotNull();
        } finally {
            jobs.destroy();
        }
    }
}
