package com.leadledger.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Checks Kubernetes manifests against what the services' code says ({@link LeadLedgerServices}): each service runs
 * from the image its pom builds, in one Deployment, on its port, probed on its own health groups, with only the
 * environment variables it reads and every one it needs, its memory limit large enough for its JVM options; it is
 * reachable through a Service and protected by a PodDisruptionBudget. Answers the problems, one line each.
 */
final class KubernetesManifestsCheck {

    private final LeadLedgerServices services;
    private final Set<String> documentedSecrets;

    /** @param documentedSecrets the Secrets docs/deploy.md has the reader create (the manifests only refer to them) */
    KubernetesManifestsCheck(LeadLedgerServices services, Set<String> documentedSecrets) {
        this.services = services;
        this.documentedSecrets = Set.copyOf(documentedSecrets);
    }

    List<String> problems(List<HasMetadata> resources) {
        List<String> problems = new ArrayList<>();
        resources.stream().filter(GenericKubernetesResource.class::isInstance)
                .forEach(r -> problems.add(r.getKind() + " " + name(r) + ": a kind the model does not know"));
        List<Deployment> deployments = all(resources, Deployment.class);
        deployments.forEach(d -> containers(d).stream()
                .filter(c -> services.all().stream().noneMatch(s -> s.image().equals(c.getImage())))
                .forEach(c -> problems.add(where(d) + ": runs " + c.getImage()
                        + ", an image no service's pom builds; they build "
                        + services.all().stream().map(ServiceFacts::image).toList())));
        for (ServiceFacts service : services.all()) {
            List<Deployment> running = deployments.stream()
                    .filter(d -> containers(d).stream().anyMatch(c -> service.image().equals(c.getImage()))).toList();
            if (running.size() != 1) {
                problems.add(service.name() + ": " + running.size() + " Deployments run " + service.image()
                        + "; one should");
                continue;
            }
            Deployment deployment = running.get(0);
            Container container = containers(deployment).stream()
                    .filter(c -> service.image().equals(c.getImage())).findFirst().orElseThrow();
            problems.addAll(new DeploymentCheck(service, deployment, container, resources).problems());
        }
        return problems;
    }

    /** One service's Deployment and its container, with the Service, PodDisruptionBudget and ConfigMaps around it. */
    private final class DeploymentCheck {

        private final ServiceFacts service;
        private final Deployment deployment;
        private final Container container;
        private final List<HasMetadata> resources;
        private final String where;

        DeploymentCheck(ServiceFacts service, Deployment deployment, Container container, List<HasMetadata> resources) {
            this.service = service;
            this.deployment = deployment;
            this.container = container;
            this.resources = resources;
            this.where = where(deployment);
        }

        List<String> problems() {
            List<String> problems = new ArrayList<>();
            replicasAndDisruptionBudget(problems);
            port(problems);
            probe("livenessProbe", container.getLivenessProbe(), service.livenessPath(), problems);
            probe("readinessProbe", container.getReadinessProbe(), service.readinessPath(), problems);
            probe("startupProbe", container.getStartupProbe(), service.livenessPath(), problems);
            environment(problems);
            receiptKeys(problems);
            memory(problems);
            reachableThroughAService(problems);
            return problems;
        }

        private void replicasAndDisruptionBudget(List<String> problems) {
            int replicas = Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
            if (replicas < 2) {
                problems.add(where + ": " + replicas + " replica; a rollout or a node drain leaves none serving");
            }
            if (!selects(deployment.getSpec().getSelector(), podLabels())) {
                problems.add(where + ": its selector does not select its own pods");
            }
            List<PodDisruptionBudget> budgets = all(resources, PodDisruptionBudget.class).stream()
                    .filter(b -> selects(b.getSpec().getSelector(), podLabels())).toList();
            if (budgets.isEmpty()) {
                problems.add(where + ": no PodDisruptionBudget selects its pods");
            }
            budgets.stream().filter(b -> !allowsOneDisruption(b, replicas)).forEach(b -> problems.add(where
                    + ": PodDisruptionBudget " + name(b) + " lets no pod be evicted (a node drain would hang)"));
        }

        private void port(List<String> problems) {
            if (ports().stream().noneMatch(p -> Objects.equals(p.getContainerPort(), service.port()))) {
                problems.add(where + ": exposes " + ports().stream().map(ContainerPort::getContainerPort).toList()
                        + ", not " + service.name() + "'s port " + service.port());
            }
            ports().stream().filter(p -> !Objects.equals(p.getContainerPort(), service.port())
                            && !Objects.equals(p.getContainerPort(), service.managementPort()))
                    .forEach(p -> problems.add(where + ": exposes " + p.getContainerPort() + ", on which "
                            + service.name() + " does not listen"));
        }

        private void probe(String kind, Probe probe, String expectedPath, List<String> problems) {
            if (probe == null || probe.getHttpGet() == null) {
                problems.add(where + ": has no HTTP " + kind);
                return;
            }
            String path = probe.getHttpGet().getPath();
            if (!service.healthGroups().containsValue(path)) {
                problems.add(where + ": " + kind + " asks " + path + ", which is no health group " + service.name()
                        + " exposes " + new TreeSet<>(service.healthGroups().values()));
            } else if (!path.equals(expectedPath)) {
                problems.add(where + ": " + kind + " asks " + path + "; it should ask " + expectedPath);
            }
            Optional<Integer> port = containerPort(probe.getHttpGet().getPort());
            if (port.isEmpty() || port.get() != service.managementPort()) {
                problems.add(where + ": " + kind + " asks port " + show(probe.getHttpGet().getPort()) + ", where "
                        + service.name() + "'s actuator is on " + service.managementPort());
            }
        }

        private void environment(List<String> problems) {
            if (container.getEnvFrom() != null && !container.getEnvFrom().isEmpty()) {
                problems.add(where + ": envFrom hides which variables it sets; name each under env");
            }
            List<EnvVar> env = env();
            problems.addAll(service.environmentProblems(where, env.stream().map(EnvVar::getName).toList()));
            for (EnvVar variable : env) {
                if (variable.getValueFrom() == null) {
                    continue;
                }
                ConfigMapKeySelector configMapKey = variable.getValueFrom().getConfigMapKeyRef();
                if (configMapKey != null && configMapValue(configMapKey).isEmpty()) {
                    problems.add(where + ": " + variable.getName() + " comes from key " + configMapKey.getKey()
                            + " of ConfigMap " + configMapKey.getName() + ", which the manifests do not define");
                }
                SecretKeySelector secretKey = variable.getValueFrom().getSecretKeyRef();
                if (secretKey != null && !documentedSecrets.contains(secretKey.getName())) {
                    problems.add(where + ": " + variable.getName() + " comes from Secret " + secretKey.getName()
                            + ", which docs/deploy.md does not create");
                }
            }
            value(LeadLedgerServices.COMMAND_URL).ifPresent(url -> {
                Optional<String> expected = serviceNameFor(services.command()).map(services::commandUrl);
                if (expected.isEmpty() || !expected.get().equals(url)) {
                    problems.add(where + ": " + LeadLedgerServices.COMMAND_URL + " is " + url + ", not the command "
                            + "service's Service " + expected.orElse("(none found)"));
                }
            });
        }

        private void receiptKeys(List<String> problems) {
            if (!service.readsReceiptKeys()) {
                return;
            }
            Optional<String> directory = value(LeadLedgerServices.RECEIPT_KEY_DIR);
            Optional<Volume> volume = directory.flatMap(dir -> mounts().stream()
                            .filter(m -> m.getMountPath().equals(dir)).findFirst())
                    .flatMap(mount -> volumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst());
            if (volume.isEmpty() || volume.get().getSecret() == null) {
                problems.add(where + ": " + LeadLedgerServices.RECEIPT_KEY_DIR + " (" + directory.orElse("unset")
                        + ") is no directory mounted from a Secret");
            } else if (!documentedSecrets.contains(volume.get().getSecret().getSecretName())) {
                problems.add(where + ": the receipt keys come from Secret " + volume.get().getSecret().getSecretName()
                        + ", which docs/deploy.md does not create");
            }
        }

        private void memory(List<String> problems) {
            Map<String, Quantity> requests = container.getResources() == null ? null
                    : container.getResources().getRequests();
            Map<String, Quantity> limits = container.getResources() == null ? null
                    : container.getResources().getLimits();
            if (requests == null || !requests.containsKey("memory") || limits == null
                    || !limits.containsKey("memory")) {
                problems.add(where + ": sets no memory request and limit");
                return;
            }
            long request = bytes(requests.get("memory"));
            long limit = bytes(limits.get("memory"));
            if (request > limit) {
                problems.add(where + ": its memory request is above its limit");
            }
            value(LeadLedgerServices.JAVA_TOOL_OPTIONS)
                    .ifPresent(options -> problems.addAll(JvmMemory.problems(where, options, limit)));
        }

        private void reachableThroughAService(List<String> problems) {
            if (serviceNameFor(service).isEmpty()) {
                problems.add(where + ": no Service selects its pods on port " + service.port()
                        + " with a target port that is its container's");
            }
        }

        /** The Service that selects this service's pods and forwards its port to the container's. */
        private Optional<String> serviceNameFor(ServiceFacts facts) {
            Deployment target = all(resources, Deployment.class).stream()
                    .filter(d -> containers(d).stream().anyMatch(c -> facts.image().equals(c.getImage())))
                    .findFirst().orElse(null);
            if (target == null) {
                return Optional.empty();
            }
            Map<String, String> labels = target.getSpec().getTemplate().getMetadata().getLabels();
            List<ContainerPort> targetPorts = containers(target).stream()
                    .filter(c -> facts.image().equals(c.getImage())).flatMap(c -> portsOf(c).stream()).toList();
            return all(resources, Service.class).stream()
                    .filter(s -> s.getSpec().getSelector() != null && labels.entrySet()
                            .containsAll(s.getSpec().getSelector().entrySet()))
                    .filter(s -> s.getSpec().getPorts().stream().anyMatch(p -> Objects.equals(p.getPort(), facts.port())
                            && forwardsTo(p, targetPorts, facts.port())))
                    .map(KubernetesManifestsCheck::name).findFirst();
        }

        private Optional<String> value(String name) {
            return env().stream().filter(v -> v.getName().equals(name)).findFirst().flatMap(v -> {
                if (v.getValueFrom() == null) {
                    return Optional.ofNullable(v.getValue());
                }
                return v.getValueFrom().getConfigMapKeyRef() == null ? Optional.empty()
                        : configMapValue(v.getValueFrom().getConfigMapKeyRef());
            });
        }

        private Optional<String> configMapValue(ConfigMapKeySelector key) {
            return all(resources, ConfigMap.class).stream().filter(c -> name(c).equals(key.getName()))
                    .map(ConfigMap::getData).filter(Objects::nonNull)
                    .map(data -> data.get(key.getKey())).filter(Objects::nonNull).findFirst();
        }

        private Optional<Integer> containerPort(IntOrString port) {
            if (port == null) {
                return Optional.empty();
            }
            if (port.getIntVal() != null) {
                return Optional.of(port.getIntVal());
            }
            return ports().stream().filter(p -> port.getStrVal().equals(p.getName()))
                    .map(ContainerPort::getContainerPort).findFirst();
        }

        private Map<String, String> podLabels() {
            return deployment.getSpec().getTemplate().getMetadata().getLabels();
        }

        private List<ContainerPort> ports() {
            return portsOf(container);
        }

        private List<EnvVar> env() {
            return container.getEnv() == null ? List.of() : container.getEnv();
        }

        private List<VolumeMount> mounts() {
            return container.getVolumeMounts() == null ? List.of() : container.getVolumeMounts();
        }

        private List<Volume> volumes() {
            List<Volume> volumes = deployment.getSpec().getTemplate().getSpec().getVolumes();
            return volumes == null ? List.of() : volumes;
        }
    }

    private static boolean forwardsTo(ServicePort port, List<ContainerPort> containerPorts, int containerPort) {
        IntOrString target = port.getTargetPort() == null ? new IntOrString(port.getPort()) : port.getTargetPort();
        if (target.getIntVal() != null) {
            return target.getIntVal() == containerPort;
        }
        return containerPorts.stream().anyMatch(p -> target.getStrVal().equals(p.getName())
                && Objects.equals(p.getContainerPort(), containerPort));
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        return selector != null && selector.getMatchLabels() != null && !selector.getMatchLabels().isEmpty()
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty())
                && labels != null && labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
    }

    private static boolean allowsOneDisruption(PodDisruptionBudget budget, int replicas) {
        IntOrString maxUnavailable = budget.getSpec().getMaxUnavailable();
        IntOrString minAvailable = budget.getSpec().getMinAvailable();
        if (maxUnavailable != null) {
            return maxUnavailable.getIntVal() != null ? maxUnavailable.getIntVal() >= 1
                    : !maxUnavailable.getStrVal().equals("0%");
        }
        return minAvailable != null && minAvailable.getIntVal() != null && minAvailable.getIntVal() < replicas;
    }

    private static List<Container> containers(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers();
    }

    private static List<ContainerPort> portsOf(Container container) {
        return container.getPorts() == null ? List.of() : container.getPorts();
    }

    private static long bytes(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity).longValueExact();
    }

    private static <T> List<T> all(List<HasMetadata> resources, Class<T> kind) {
        return resources.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private static String where(Deployment deployment) {
        return "Deployment " + name(deployment);
    }

    private static String name(HasMetadata resource) {
        return resource.getMetadata() == null ? "(unnamed)" : resource.getMetadata().getName();
    }

    private static String show(IntOrString port) {
        return port == null ? "(none)" : Stream.of(port.getIntVal(), port.getStrVal())
                .filter(Objects::nonNull).findFirst().map(String::valueOf).orElse("(none)");
    }
}
