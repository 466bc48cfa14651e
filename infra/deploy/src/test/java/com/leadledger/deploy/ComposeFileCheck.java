package com.leadledger.deploy;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a Compose file (read as a YAML tree: there is no Compose model library) against what the services' code says
 * ({@link LeadLedgerServices}), the same things as {@link KubernetesManifestsCheck}: each service runs from the image
 * its pom builds, publishes its port, is health-checked by its image's own checker, sets only environment variables it
 * reads and every one it needs, with a memory limit its JVM options fit in; the servers its URLs name are Compose
 * services it waits for until they are healthy. Answers the problems, one line each.
 */
final class ComposeFileCheck {

    /** What the image's health checker is called in the image (the health-checker buildpack puts it there). */
    static final List<String> IMAGE_HEALTH_CHECK = List.of("CMD", "/workspace/health-check");

    private static final String OUR_IMAGES = "leadledger/";
    private static final Pattern JDBC_HOST = Pattern.compile("jdbc:postgresql://([^:/,]+)(?::\\d+)?/.*");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([bkmg]?)b?");

    private final LeadLedgerServices services;

    ComposeFileCheck(LeadLedgerServices services) {
        this.services = services;
    }

    List<String> problems(JsonNode compose) {
        List<String> problems = new ArrayList<>();
        JsonNode all = compose.path("services");
        for (Map.Entry<String, JsonNode> entry : all.properties()) {
            String image = entry.getValue().path("image").asString("");
            if (!entry.getValue().has("healthcheck")) {
                problems.add("service " + entry.getKey() + ": has no healthcheck");
            }
            if (image.startsWith(OUR_IMAGES) && services.all().stream().noneMatch(s -> s.image().equals(image))) {
                problems.add("service " + entry.getKey() + ": runs " + image
                        + ", an image no service's pom builds; they build "
                        + services.all().stream().map(ServiceFacts::image).toList());
            }
        }
        for (ServiceFacts service : services.all()) {
            List<String> running = names(all, service);
            if (running.size() != 1) {
                problems.add(service.name() + ": " + running.size() + " Compose services run " + service.image()
                        + "; one should");
                continue;
            }
            problems.addAll(new ServiceCheck(service, running.get(0), all).problems());
        }
        return problems;
    }

    /** One service's Compose service, among all of the file's. */
    private final class ServiceCheck {

        private final ServiceFacts service;
        private final JsonNode definition;
        private final JsonNode all;
        private final String where;

        ServiceCheck(ServiceFacts service, String name, JsonNode all) {
            this.service = service;
            this.definition = all.path(name);
            this.all = all;
            this.where = "service " + name;
        }

        List<String> problems() {
            List<String> problems = new ArrayList<>();
            JsonNode environment = definition.path("environment");
            if (!environment.isObject()) {
                problems.add(where + ": write its environment as a map, NAME: value");
                return problems;
            }
            problems.addAll(service.environmentProblems(where, List.copyOf(environment.propertyNames())));
            port(problems);
            healthCheck(problems);
            servers(problems);
            receiptKeys(problems);
            memory(problems);
            return problems;
        }

        private void port(List<String> problems) {
            List<Integer> published = new ArrayList<>();
            for (JsonNode port : definition.path("ports")) {
                String target = port.isObject() ? port.path("target").asString("")
                        : port.asString().replaceFirst("/\\w+$", "").replaceFirst(".*:", "");
                published.add(target.matches("\\d+") ? Integer.parseInt(target) : -1);
            }
            if (!published.contains(service.port())) {
                problems.add(where + ": publishes " + published + ", not " + service.name() + "'s port "
                        + service.port());
            }
            published.stream().filter(p -> p != service.port() && p != service.managementPort())
                    .forEach(p -> problems.add(where + ": publishes " + p + ", on which " + service.name()
                            + " does not listen"));
        }

        private void healthCheck(List<String> problems) {
            List<String> test = new ArrayList<>();
            definition.path("healthcheck").path("test").forEach(part -> test.add(part.asString()));
            if (!test.equals(IMAGE_HEALTH_CHECK)) {
                problems.add(where + ": its healthcheck is " + test + ", not the image's own " + IMAGE_HEALTH_CHECK
                        + " (the image has no shell or curl)");
            }
        }

        /** The database and Kafka its URLs name: Compose services with a health check, waited for until healthy. */
        private void servers(List<String> problems) {
            List<String> hosts = new ArrayList<>();
            for (Map.Entry<String, JsonNode> variable : definition.path("environment").properties()) {
                String value = variable.getValue().asString("");
                if (variable.getKey().endsWith("_DB_URL")) {
                    Matcher jdbc = JDBC_HOST.matcher(value);
                    if (jdbc.matches()) {
                        hosts.add(jdbc.group(1));
                    } else {
                        problems.add(where + ": " + variable.getKey() + " is " + value + ", not a PostgreSQL JDBC URL");
                    }
                }
                if (variable.getKey().equals("LEADLEDGER_KAFKA_BOOTSTRAP")) {
                    for (String server : value.split(",")) {
                        hosts.add(server.strip().replaceFirst(":\\d+$", ""));
                    }
                }
            }
            for (String host : hosts) {
                if (!all.has(host)) {
                    problems.add(where + ": names the server " + host + ", which is no service of the file");
                } else if (!definition.path("depends_on").path(host).path("condition").asString("")
                        .equals("service_healthy")) {
                    problems.add(where + ": does not wait for " + host + " to be healthy (depends_on)");
                }
            }
            Optional.ofNullable(definition.path("environment").get(LeadLedgerServices.COMMAND_URL)).ifPresent(url -> {
                List<String> command = names(all, services.command());
                String expected = command.size() == 1 ? services.commandUrl(command.get(0)) : "(no command service)";
                if (!url.asString("").equals(expected)) {
                    problems.add(where + ": " + LeadLedgerServices.COMMAND_URL + " is " + url.asString("")
                            + ", not " + expected);
                }
            });
        }

        private void receiptKeys(List<String> problems) {
            if (!service.readsReceiptKeys()) {
                return;
            }
            String directory = definition.path("environment").path(LeadLedgerServices.RECEIPT_KEY_DIR).asString("");
            boolean mounted = false;
            for (JsonNode volume : definition.path("volumes")) {
                String[] shortSyntax = volume.asString("").split(":"); // source:target[:mode], or a bare target
                String target = volume.isObject() ? volume.path("target").asString("")
                        : shortSyntax[Math.min(1, shortSyntax.length - 1)];
                mounted |= target.equals(directory);
            }
            if (!mounted) {
                problems.add(where + ": " + LeadLedgerServices.RECEIPT_KEY_DIR + " (" + directory
                        + ") is no directory mounted into it");
            }
        }

        private void memory(List<String> problems) {
            JsonNode resources = definition.path("deploy").path("resources");
            Optional<Long> limit = bytes(resources.path("limits").path("memory"));
            Optional<Long> reservation = bytes(resources.path("reservations").path("memory"));
            if (limit.isEmpty() || reservation.isEmpty()) {
                problems.add(where + ": sets no memory reservation and limit (deploy.resources)");
                return;
            }
            if (reservation.get() > limit.get()) {
                problems.add(where + ": its memory reservation is above its limit");
            }
            JsonNode options = definition.path("environment").path(LeadLedgerServices.JAVA_TOOL_OPTIONS);
            if (!options.isMissingNode()) {
                problems.addAll(JvmMemory.problems(where, options.asString(), limit.get()));
            }
        }
    }

    /** The Compose services that run this service's image. */
    private static List<String> names(JsonNode all, ServiceFacts service) {
        return all.properties().stream()
                .filter(e -> e.getValue().path("image").asString("").equals(service.image()))
                .map(Map.Entry::getKey).toList();
    }

    /** A Compose byte value: {@code 1G}, {@code 512m}, {@code 1gb}, … (powers of 1024). */
    private static Optional<Long> bytes(JsonNode value) {
        if (value.isMissingNode()) {
            return Optional.empty();
        }
        Matcher m = SIZE.matcher(value.asString().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a Compose byte value: " + value);
        }
        return Optional.of(JvmMemory.bytes(m.group(1), m.group(2)));
    }
}
