package com.leadledger.localruntime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerProcessTest {

    @TempDir
    Path dir;

    @Test
    void recordsSurviveARestartOnTheSameDirectory() throws Exception {
        KafkaBrokerProcess broker = KafkaBrokerProcess.builder(dir.resolve("kafka"))
                .logDirectory(dir.resolve("logs")).build();
        try {
            broker.start();
            assertThat(broker.isRunning()).isTrue();
            assertThat(dir.resolve("kafka/data/meta.properties")).exists();
            String clusterId = Files.readString(dir.resolve("kafka/cluster.id")).trim();
            KafkaTestClients.produce(broker.bootstrapServers(), "persisted", "k1", "before-restart");

            broker.stop();
            assertThat(broker.isRunning()).isFalse();

            broker.start();
            assertThat(Files.readString(dir.resolve("kafka/cluster.id")).trim()).isEqualTo(clusterId);
            var records = KafkaTestClients.consume(broker.bootstrapServers(), "persisted", 1);
            assertThat(records).extracting(r -> r.value()).containsExactly("before-restart");
            assertThat(dir.resolve("logs/kafka-broker.log")).isNotEmptyFile();
        } finally {
            broker.kill();
        }
        assertThat(broker.isRunning()).isFalse();
    }
}
