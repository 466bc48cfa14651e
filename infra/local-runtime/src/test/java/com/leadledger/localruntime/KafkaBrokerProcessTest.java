package com.leadledger.localruntime;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void aBrokerWithScramUsersServesOnlyClientsThatAuthenticateAsOneOfThem() throws Exception {
        String password = "app \"secret\" \\ ]";
        KafkaBrokerProcess broker = KafkaBrokerProcess.builder(dir.resolve("kafka-scram"))
                .logDirectory(dir.resolve("logs")).scramUser("broker", "broker-secret").scramUser("app", password)
                .build();
        try {
            broker.start();
            assertThat(broker.securityProtocol()).isEqualTo("SASL_PLAINTEXT");

            KafkaTestClients.produce(broker.clientProperties("app", password), "guarded", "k1", "written by app");
            assertThat(KafkaTestClients.consume(broker.clientProperties(), "guarded", 1))
                    .extracting(ConsumerRecord::value).containsExactly("written by app");
            var wrongPassword = broker.clientProperties("app", "wrong");
            assertThatThrownBy(() -> KafkaTestClients.produce(wrongPassword, "guarded", "k2", "x"))
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class);
        } finally {
            broker.kill();
        }
    }
}
