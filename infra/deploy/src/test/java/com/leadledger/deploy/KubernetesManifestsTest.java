package com.leadledger.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Kubernetes manifests ({@code infra/deploy/kubernetes}) are read into fabric8's Kubernetes model and checked
 * against the services' own configuration, so that they cannot drift from the code silently.
 */
class KubernetesManifestsTest {

    private static final Path DIRECTORY = RepositoryFiles.path(KubernetesManifests.DIRECTORY);

    private final LeadLedgerServices services = LeadLedgerServices.read();
    private final KubernetesManifestsCheck check = new KubernetesManifestsCheck(services, DeployDoc.secretsCreated());

    @Test
    void everyManifestIsReadIntoTheKubernetesModel() {
        assertThat(KubernetesManifests.read(DIRECTORY)).extracting(HasMetadata::getKind)
                .contains("ConfigMap", "Deployment", "Service", "PodDisruptionBudget");
    }

    @Test
    void theManifestsMatchWhatTheServicesCodeSays() {
        assertThat(check.problems(KubernetesManifests.read(DIRECTORY))).isEmpty();
    }

    @Test
    void theKustomizationAppliesEveryManifest() {
        JsonNode kustomization = new YAMLMapper().readTree(
                RepositoryFiles.text(DIRECTORY.resolve(KubernetesManifests.KUSTOMIZATION)));
        List<String> listed = new ArrayList<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asString()));

        assertThat(listed).containsExactlyInAnyOrderElementsOf(
                KubernetesManifests.files(DIRECTORY).stream().map(f -> f.getFileName().toString()).toList());
    }

    @Test
    void aFieldTheModelDoesNotKnowIsAnError() {
        String typo = """
                apiVersion: v1
                kind: Service
                metadata:
                  name: command-service
                spec:
                  selectr:
                    app.kubernetes.io/name: command-service
                """;

        assertThatThrownBy(() -> KubernetesManifests.parse(typo)).hasMessageContaining("selectr");
    }

    @Test
    void probesAndVariablesThatAreNotTheServicesAreReported() {
        List<HasMetadata> resources = KubernetesManifests.read(DIRECTORY);
        Container command = container(resources, "command-service");
        command.getReadinessProbe().getHttpGet().setPath("/actuator/health/ready");
        command.getEnv().add(new EnvVar("LEADLEDGER_JWKS_URL", "https://login.example.com/certs", null));
        Container query = container(resources, "query-service");
        query.getEnv().removeIf(v -> v.getName().equals("LEADLEDGER_COMMAND_CLIENT_SECRET"));
        query.getEnv().stream().filter(v -> v.getName().equals("JAVA_TOOL_OPTIONS"))
                .forEach(v -> v.setValue(v.getValue().replace("-Xmx192m", "-Xmx768m")));
        command.getEnv().stream().filter(v -> v.getName().equals("JAVA_TOOL_OPTIONS"))
                .forEach(v -> v.setValue(v.getValue().replace("-XX:+UseParallelGC", "")));

        assertThat(check.problems(resources)).containsExactlyInAnyOrder(
                "Deployment command-service: readinessProbe asks /actuator/health/ready, which is no health group "
                        + "command-service exposes [/actuator/health/liveness, /actuator/health/readiness]",
                "Deployment command-service: sets LEADLEDGER_JWKS_URL, which command-service does not read",
                "Deployment command-service: JAVA_TOOL_OPTIONS lacks -XX:+UseParallelGC, which the benchmark "
                        + "measured the services with",
                "Deployment query-service: does not set LEADLEDGER_COMMAND_CLIENT_SECRET, which query-service needs outside "
                        + "the local profile",
                "Deployment query-service: the JVM may take 1370 MiB (heap, metaspace, code cache, direct memory, "
                        + "250 thread stacks), more than its memory limit of 1024 MiB");
    }

    @Test
    void aPortOrAnImageThatIsNotTheServicesIsReported() {
        List<HasMetadata> resources = KubernetesManifests.read(DIRECTORY);
        container(resources, "command-service").getPorts().get(0).setContainerPort(8080);
        String otherTag = services.query().image().replaceFirst(":.*", ":0.0.1");
        container(resources, "query-service").setImage(otherTag);

        assertThat(check.problems(resources)).contains(
                "Deployment command-service: exposes [8080], not command-service's port 8081",
                "Deployment command-service: readinessProbe asks port http, where command-service's actuator is on "
                        + "8081",
                "Deployment query-service: runs " + otherTag + ", an image no service's pom builds; they build ["
                        + services.command().image() + ", " + services.query().image() + "]",
                "query-service: 0 Deployments run " + services.query().image() + "; one should");
    }

    private static Container container(List<HasMetadata> resources, String deployment) {
        return resources.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
                .filter(d -> d.getMetadata().getName().equals(deployment)).findFirst().orElseThrow()
                .getSpec().getTemplate().getSpec().getContainers().get(0);
    }
}
