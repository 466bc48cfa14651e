package com.leadledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadledger.localruntime.ProjectPaths;
import com.leadledger.testsupport.HttpApi;
import com.leadledger.testsupport.Inns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static com.leadledger.e2e.LeadLedgerSystem.partnerToken;
import static com.leadledger.e2e.LeadLedgerSystem.staffToken;
import static com.leadledger.e2e.StorySteps.MANAGER;
import static com.leadledger.e2e.StorySteps.ok;
import static com.leadledger.e2e.StorySteps.onboardPartner;
import static com.leadledger.e2e.StorySteps.post;
import static com.leadledger.e2e.StorySteps.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The evidence pack an outside auditor verifies offline: built for an opportunity with two registrations, an approval
 * and a dispute, verified with the pack's own Python script, with the shell and openssl commands of its VERIFY.md and
 * with the auditor's verification jar; then one byte flipped in each kind of file must fail each verification, naming
 * the file.
 */
class EvidencePackIT {

    static final LeadLedgerSystem system = LeadLedgerSystem.get();
    static final String AUDITOR = staffToken("AUDITOR");
    static final Path VERIFIER = ProjectPaths.root().resolve("infra/verifier/target/leadledger-verifier.jar");

    private static String opportunity;
    private static String dispute;
    private static byte[] zip;

    @TempDir
    Path work;

    @BeforeAll
    static void anOpportunityWithTwoRegistrationsAnApprovalAndADispute() {
        String first = onboardPartner("GOLD", "NETWORK_SECURITY");
        String second = onboardPartner("SILVER", "NETWORK_SECURITY");
        String inn = Inns.random();
        HttpApi.Answer own = submitted(first, inn, "NETWORK_SECURITY");
        opportunity = own.text("opportunityId");
        String firstRegistration = own.text("registrationId");
        String secondRegistration = submitted(second, inn, "NETWORK_SECURITY").text("registrationId");
        ok("/api/v1/registrations/" + firstRegistration + "/approve", MANAGER, "{\"discountPercent\": 10}");
        HttpApi.Answer opened = post("/api/v1/disputes", partnerToken(second), """
                {"type": "DUPLICATE_CLAIM", "registrationId": "%s", "description": "We engaged the customer first."}"""
                .formatted(secondRegistration));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        dispute = opened.text("disputeId");
        system.awaitQuery("/api/v1/disputes/" + dispute, MANAGER, view -> true);
        // every event of the story sealed by a checkpoint the copy reproduces and by a signed one (checkpoints every
        // second here)
        AtomicReference<byte[]> latest = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            latest.set(download(opportunity, AUDITOR).body());
            JsonNode pack = new ObjectMapper().readTree(unzip(latest.get()).get("pack.json"));
            return pack.get("eventsWithoutProof").isEmpty() && pack.get("signedTreeHead").isTextual()
                    && pack.get("streams").size() == 2
                    && pack.get("decisions").size() == 1;
        });
        zip = latest.get();
    }

    @Test
    void thePackHoldsTheStoryAndVerifiesWithPythonWithTheShellAndOpensslStepsAndWithTheJar() throws Exception {
        Map<String, byte[]> files = unzip(zip);
        assertThat(files).containsKeys("VERIFY.md", "verify_pack.py", "MANIFEST.sha256", "pack.json",
                "keys/jwks.json", "decisions/001.json",
                "events/" + opportunity + "/0/payload.json", "events/" + dispute + "/0/proof.json",
                "events/" + dispute + "/0/inclusion.json", "tree-head/checkpoint.json", "tree-head/tree-head.txt",
                "tree-head/tree-head.sig", "tree-head/key.pem");
        JsonNode pack = new ObjectMapper().readTree(files.get("pack.json"));
        assertThat(pack.get("opportunityId").asText()).isEqualTo(opportunity);
        assertThat(pack.get("streams").findValuesAsText("aggregateId")).containsExactly(opportunity, dispute);
        JsonNode decision = new ObjectMapper().readTree(files.get("decisions/001.json"));
        assertThat(decision.get("eventType").asText()).isEqualTo("RegistrationApproved");
        // the policy version the approval applied, as the event that published it
        assertThat(files).containsKey("policies/" + decision.get("policyVersion").asText() + "/payload.json");
        // the events are the stored ones: the same event ids and hashes as the audit trail shows
        JsonNode trail = system.queryApi.get("/api/v1/audit/events?aggregateId=" + opportunity + "&size=200", AUDITOR)
                .body().get("items");
        for (JsonNode event : trail) {
            String folder = "events/" + opportunity + "/" + event.get("sequenceNumber").asText();
            JsonNode link = new ObjectMapper().readTree(files.get(folder + "/link.json"));
            assertThat(link.get("eventHash").asText()).isEqualTo(event.get("eventHash").asText());
            assertThat(link.get("globalIndex").asLong()).isEqualTo(event.get("globalIndex").asLong());
        }
        assertThat(files.keySet().stream().filter(f -> f.startsWith("events/" + opportunity + "/")
                && f.endsWith("/payload.json"))).hasSize(trail.size());

        Path folder = unzipInto(zip, work.resolve("pack"));
        Run python = run(folder, "python3", "verify_pack.py");
        assertThat(python.exit()).as(python.output()).isZero();
        assertThat(python.output()).startsWith("OK: ");
        List<String> shellSteps = shellSteps(files.get("VERIFY.md"));
        assertThat(shellSteps).hasSizeGreaterThanOrEqualTo(4)
                .anyMatch(step -> step.contains("openssl dgst")).anyMatch(step -> step.contains("openssl pkeyutl -verify"))
                .anyMatch(step -> step.contains("sha256sum"));
        for (String step : shellSteps) {
            Run shell = run(folder, "bash", "-c", step);
            assertThat(shell.exit()).as(step + "\n" + shell.output()).isZero();
        }
        Path zipFile = work.resolve("pack.zip");
        Files.write(zipFile, zip);
        for (Path packed : List.of(zipFile, folder)) {
            Run jar = run(folder, "java", "-jar", VERIFIER.toString(), "verify-pack", "--pack", packed.toString());
            assertThat(jar.exit()).as(jar.output()).isZero();
            assertThat(jar.output()).startsWith("INTACT: ");
        }
    }

    @Test
    void oneByteFlippedInAnyKindOfFileFailsEveryVerificationNamingTheFile() throws Exception {
        Map<String, byte[]> files = unzip(zip);
        String key = files.keySet().stream().filter(f -> f.endsWith(".pem")).findFirst().orElseThrow();
        String checkpoint = files.keySet().stream().filter(f -> f.startsWith("checkpoints/")).findFirst().orElseThrow();
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("event", "events/" + opportunity + "/1/payload.json");
        kinds.put("event metadata", "events/" + dispute + "/0/metadata.json");
        kinds.put("chain link", "events/" + opportunity + "/2/link.json");
        kinds.put("checkpoint", checkpoint);
        kinds.put("proof", "events/" + dispute + "/0/proof.json");
        kinds.put("proof in the signed tree", "events/" + opportunity + "/0/inclusion.json");
        kinds.put("signed checkpoint", "tree-head/checkpoint.json");
        kinds.put("signed text", "tree-head/tree-head.txt");
        kinds.put("signature", "tree-head/tree-head.sig");
        kinds.put("key", key);
        kinds.put("policy", files.keySet().stream().filter(f -> f.startsWith("policies/") && f.endsWith("/payload.json"))
                .findFirst().orElseThrow());
        kinds.put("decision context", "decisions/001.json");
        kinds.put("manifest", "MANIFEST.sha256");
        List<String> shellSteps = shellSteps(files.get("VERIFY.md"));
        String sha256sum = shellSteps.stream().filter(s -> s.contains("sha256sum")).findFirst().orElseThrow();
        String opensslDigests = shellSteps.stream().filter(s -> s.contains("openssl dgst")).findFirst().orElseThrow();
        String signatureStep = shellSteps.stream().filter(s -> s.contains("openssl pkeyutl")).findFirst().orElseThrow();
        for (var kind : kinds.entrySet()) {
            String file = kind.getValue();
            assertThat(files).as(kind.getKey()).containsKey(file);
            Path folder = unzipInto(zip, work.resolve(kind.getKey().replace(' ', '-')));
            byte[] bytes = Files.readAllBytes(folder.resolve(file));
            bytes[bytes.length / 2] ^= 0x01;
            Files.write(folder.resolve(file), bytes);

            Run python = run(folder, "python3", "verify_pack.py");
            assertThat(python.exit()).as(kind.getKey() + ": " + python.output()).isEqualTo(1);
            assertThat(python.output()).as(kind.getKey()).contains("FAILED").contains(file);
            Run jar = run(folder, "java", "-jar", VERIFIER.toString(), "verify-pack", "--pack", folder.toString());
            assertThat(jar.exit()).as(kind.getKey() + ": " + jar.output()).isEqualTo(3);
            assertThat(jar.output()).as(kind.getKey()).contains("BROKEN").contains(file);
            Run sums = run(folder, "bash", "-c", sha256sum);
            assertThat(sums.exit()).as(kind.getKey() + ": " + sums.output()).isNotZero();
            Run digests = run(folder, "bash", "-c", opensslDigests);
            assertThat(digests.exit()).as(kind.getKey() + ": " + digests.output()).isNotZero();
            if (file.startsWith("tree-head/tree-head.")) {
                Run signature = run(folder, "bash", "-c", signatureStep);
                assertThat(signature.exit()).as(kind.getKey() + ": " + signature.output()).isNotZero();
            }
            if (!file.equals("MANIFEST.sha256")) {
                // the manifest's own lines are the only thing a changed manifest can be compared with
                assertThat(sums.output()).as(kind.getKey()).contains(file + ": FAILED");
                assertThat(digests.output()).as(kind.getKey()).contains("CHANGED: " + file);
            }
        }
    }

    @Test
    void onlyAuditorsAndTheArbitrationCommitteeGetAPackAndAnUnknownOpportunityHasNone() throws Exception {
        assertThat(download(opportunity, staffToken("ARBITRATION_COMMITTEE")).statusCode()).isEqualTo(200);
        for (String role : List.of("CHANNEL_MANAGER", "CHANNEL_DIRECTOR", "ADMIN")) {
            assertThat(download(opportunity, staffToken(role)).statusCode()).as(role).isEqualTo(403);
        }
        assertThat(download(opportunity, partnerToken("P-1001")).statusCode()).isEqualTo(403);
        HttpResponse<byte[]> unknown = download(java.util.UUID.randomUUID().toString(), AUDITOR);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new String(unknown.body(), StandardCharsets.UTF_8)).contains("\"code\":\"NOT_FOUND\"");
        HttpResponse<byte[]> pack = download(opportunity, AUDITOR);
        assertThat(pack.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(pack.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("evidence-pack-" + opportunity + ".zip");
    }

    private static HttpResponse<byte[]> download(String opportunityId, String token) throws IOException,
            InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(system.query.baseUrl()
                        + "/api/v1/audit/opportunities/" + opportunityId + "/evidence-pack"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static Path unzipInto(byte[] zip, Path folder) throws IOException {
        for (var file : unzip(zip).entrySet()) {
            Path target = folder.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        return folder;
    }

    /** The {@code sh} blocks of VERIFY.md, each a step an auditor runs in the unzipped folder. */
    private static List<String> shellSteps(byte[] verifyMd) {
        List<String> steps = new ArrayList<>();
        Matcher block = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL)
                .matcher(new String(verifyMd, StandardCharsets.UTF_8));
        while (block.find()) {
            steps.add(block.group(1));
        }
        return steps;
    }

    record Run(int exit, String output) {
    }

    private static Run run(Path folder, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
