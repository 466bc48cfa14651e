package com.leadledger.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Kubernetes manifests of {@code infra/deploy/kubernetes}, read into fabric8's Kubernetes model: each document
 * becomes the object of its {@code kind} (a Deployment, a Service, …). Reading is strict: a field the model does not
 * know (a typo such as {@code readinesProbe}) is an error, where the model would otherwise keep it aside silently.
 */
final class KubernetesManifests {

    static final String DIRECTORY = "infra/deploy/kubernetes";
    static final String KUSTOMIZATION = "kustomization.yaml";

    private static final ObjectMapper STRICT_YAML = YAMLMapper.builder()
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                // the model's catch-all for unknown fields
                @Override
                public Boolean hasAnySetter(MapperConfig<?> config, Annotated annotated) {
                    return false;
                }
            })
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private KubernetesManifests() {
    }

    /** The manifests in the directory: every {@code .yaml} file but the kustomization. */
    static List<Path> files(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals(KUSTOMIZATION)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<HasMetadata> read(Path directory) {
        List<HasMetadata> resources = new ArrayList<>();
        for (Path file : files(directory)) {
            try {
                resources.addAll(parse(RepositoryFiles.text(file)));
            } catch (RuntimeException e) {
                throw new IllegalStateException(file.getFileName() + ": " + e.getMessage(), e);
            }
        }
        return resources;
    }

    /** Every document of a (multi-document) YAML text, as the Kubernetes object of its kind. */
    static List<HasMetadata> parse(String yaml) {
        List<HasMetadata> resources = new ArrayList<>();
        MappingIterator<KubernetesResource> documents =
                STRICT_YAML.readerFor(KubernetesResource.class).readValues(yaml);
        for (KubernetesResource resource : documents.readAll()) {
            if (!(resource instanceof HasMetadata object)) {
                throw new IllegalStateException("not a Kubernetes object: " + resource);
            }
            resources.add(object);
        }
        return resources;
    }
}
