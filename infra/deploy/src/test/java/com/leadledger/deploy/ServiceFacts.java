package com.leadledger.deploy;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How one service runs, as its own code says: the image its pom builds (and the health check built into it), its HTTP
 * port and health groups ({@code application.yml}), and every environment variable it reads. The deployment files are
 * checked against these facts, so that they cannot drift from the code.
 *
 * @param name             the module, and the name of its container, Deployment and Compose service
 * @param image            the image its pom's {@code spring-boot-maven-plugin} builds, with the project version as tag
 * @param port             its HTTP port ({@code server.port})
 * @param managementPort   where the actuator answers (the HTTP port unless {@code management.server.port} is set)
 * @param healthGroups     the health groups it exposes, by name, with their paths
 * @param variables        every environment variable it reads: the {@code ${NAME:…}} placeholders of its
 *                         {@code application*.yml}, and those the platform reads for it
 * @param required         what a deployment outside the local profile must set
 * @param imageHealthCheck what the image's own health checker asks ({@code /workspace/health-check})
 */
record ServiceFacts(String name, String image, int port, int managementPort, Map<String, String> healthGroups,
                    Set<String> variables, Set<String> required, ImageHealthCheck imageHealthCheck) {

    /**
     * Read for every service by the platform, not through a placeholder: Spring Boot's profiles, the JVM's options,
     * the C library's allocator.
     */
    static final Set<String> PLATFORM_VARIABLES = Set.of("SPRING_PROFILES_ACTIVE", "JAVA_TOOL_OPTIONS",
            "MALLOC_ARENA_MAX");
    /** Read by Axon Framework, in a service that uses it; without it Axon calls the internet (docs/operations.md). */
    static final String AXON_UPDATE_CHECKER = "AXONIQ_UPDATE_CHECKER_DISABLED";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+):");
    private static final Pattern PORT = Pattern.compile("(?:\\$\\{[A-Z][A-Z0-9_]*:)?(\\d+)}?");
    private static final YAMLMapper YAML = new YAMLMapper();

    /**
     * What the image's health checker asks, set when the image is built.
     *
     * @param port {@code THC_PORT}
     * @param path {@code THC_PATH}
     */
    record ImageHealthCheck(int port, String path) {
    }

    ServiceFacts {
        healthGroups = Map.copyOf(healthGroups);
        variables = Set.copyOf(variables);
        required = Set.copyOf(required);
    }

    /**
     * @param requiredOutsideLocal the variables this service cannot run without outside the local profile; each must
     *                             be one the service reads
     */
    static ServiceFacts read(Path root, String module, Set<String> requiredOutsideLocal) {
        Path resources = root.resolve(module).resolve("src/main/resources");
        JsonNode application = yaml(resources.resolve("application.yml"));
        Document pom = xml(root.resolve(module).resolve("pom.xml"));

        int port = port(application.path("server").path("port"));
        JsonNode managementPort = application.path("management").path("server").path("port");
        Set<String> variables = new TreeSet<>(placeholders(resources));
        variables.addAll(PLATFORM_VARIABLES);
        Set<String> required = new TreeSet<>(requiredOutsideLocal);
        if (usesAxon(pom)) {
            variables.add(AXON_UPDATE_CHECKER);
            required.add(AXON_UPDATE_CHECKER);
        }
        if (!variables.containsAll(required)) {
            Set<String> unknown = new TreeSet<>(required);
            unknown.removeAll(variables);
            throw new IllegalStateException(module + " reads none of " + unknown + ": the list of required settings "
                    + "has drifted from its application.yml");
        }
        return new ServiceFacts(module, image(pom), port,
                managementPort.isMissingNode() ? port : port(managementPort), healthGroups(application),
                variables, required, imageHealthCheck(pom));
    }

    String livenessPath() {
        return healthGroup("liveness");
    }

    String readinessPath() {
        return healthGroup("readiness");
    }

    boolean readsReceiptKeys() {
        return required.contains(LeadLedgerServices.RECEIPT_KEY_DIR);
    }

    /** Variables set that the service does not read, and required ones not set; {@code where} starts each line. */
    List<String> environmentProblems(String where, Collection<String> names) {
        List<String> problems = new ArrayList<>();
        new TreeSet<>(names).stream().filter(n -> !variables.contains(n))
                .forEach(n -> problems.add(where + ": sets " + n + ", which " + name + " does not read"));
        required.stream().sorted().filter(n -> !names.contains(n))
                .forEach(n -> problems.add(where + ": does not set " + n + ", which " + name
                        + " needs outside the local profile"));
        return problems;
    }

    private String healthGroup(String group) {
        String path = healthGroups.get(group);
        if (path == null) {
            throw new IllegalStateException(name + " exposes no health group '" + group + "': " + healthGroups);
        }
        return path;
    }

    /** {@code management.endpoint.health.group.*} under the actuator's base path. */
    private static Map<String, String> healthGroups(JsonNode application) {
        JsonNode management = application.path("management");
        JsonNode web = management.path("endpoints").path("web");
        if (!web.path("exposure").path("include").asString("").contains("health")) {
            throw new IllegalStateException("the health endpoint is not exposed over HTTP");
        }
        String health = web.path("base-path").asString("/actuator") + "/"
                + web.path("path-mapping").path("health").asString("health");
        Map<String, String> groups = new LinkedHashMap<>();
        management.path("endpoint").path("health").path("group").propertyNames()
                .forEach(group -> groups.put(group, health + "/" + group));
        return groups;
    }

    private static int port(JsonNode value) {
        Matcher m = PORT.matcher(value.asString(""));
        if (!m.matches()) {
            throw new IllegalStateException("not a port or a ${VARIABLE:port} placeholder: " + value);
        }
        return Integer.parseInt(m.group(1));
    }

    private static Set<String> placeholders(Path resources) {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(resources)) {
            files.filter(f -> f.getFileName().toString().matches("application.*\\.ya?ml")).forEach(file -> {
                Matcher m = PLACEHOLDER.matcher(RepositoryFiles.text(file));
                while (m.find()) {
                    names.add(m.group(1));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** {@code <image><name>} of the spring-boot-maven-plugin, with {@code ${project.version}} resolved. */
    private static String image(Document pom) {
        String name = text(imageConfiguration(pom), "name")
                .orElseThrow(() -> new IllegalStateException("the spring-boot-maven-plugin names no image"));
        return name.replace("${project.version}", projectVersion(pom));
    }

    private static ImageHealthCheck imageHealthCheck(Document pom) {
        Element env = child(imageConfiguration(pom), "env")
                .orElseThrow(() -> new IllegalStateException("the image configuration sets no build environment"));
        if (!text(env, "BP_HEALTH_CHECKER_ENABLED").orElse("").equals("true")) {
            throw new IllegalStateException("the image is built without its health checker");
        }
        return new ImageHealthCheck(
                Integer.parseInt(text(env, "BPE_DEFAULT_THC_PORT").orElseThrow()),
                text(env, "BPE_DEFAULT_THC_PATH").orElseThrow());
    }

    private static Element imageConfiguration(Document pom) {
        NodeList plugins = pom.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if (text(plugin, "artifactId").orElse("").equals("spring-boot-maven-plugin")) {
                Optional<Element> image = child(plugin, "configuration").flatMap(c -> child(c, "image"));
                if (image.isPresent()) {
                    return image.get();
                }
            }
        }
        throw new IllegalStateException("no spring-boot-maven-plugin with an <image> configuration");
    }

    /** The version a pom gives its project: its own, or its parent's. */
    static String projectVersion(Path pom) {
        return projectVersion(xml(pom));
    }

    private static String projectVersion(Document pom) {
        Element project = pom.getDocumentElement();
        return text(project, "version")
                .or(() -> child(project, "parent").flatMap(parent -> text(parent, "version")))
                .orElseThrow(() -> new IllegalStateException("the pom has no version"));
    }

    private static boolean usesAxon(Document pom) {
        NodeList dependencies = pom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            if (text(dependency, "groupId").orElse("").equals("org.axonframework")
                    && !text(dependency, "scope").orElse("compile").equals("test")) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Element> child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().strip());
    }

    private static JsonNode yaml(Path file) {
        return YAML.readTree(RepositoryFiles.text(file));
    }

    private static Document xml(Path file) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
