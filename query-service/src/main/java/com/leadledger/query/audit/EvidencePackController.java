package com.leadledger.query.audit;

import com.leadledger.kit.domain.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** An opportunity's evidence pack, a ZIP an outside auditor verifies offline (docs/audit.md, "Evidence pack"). */
@Tag(name = "audit")
@RestController
@RequestMapping("/api/v1/audit")
class EvidencePackController {

    static final String ZIP = "application/zip";
    /** The files an auditor opens first come first in the archive. */
    private static final List<String> FIRST = List.of("VERIFY.md", "verify_pack.py", EvidencePackBuilder.MANIFEST,
            "pack.json");

    private final EvidencePackBuilder packs;

    EvidencePackController(EvidencePackBuilder packs) {
        this.packs = packs;
    }

    @Operation(operationId = "opportunityEvidencePack", summary = "Evidence pack of an opportunity",
            description = "A ZIP with every event of the opportunity and of its disputes exactly as stored, their "
                    + "chain links, the checkpoints covering them with inclusion proofs, the published keys, the "
                    + "policy versions its decisions cite, the decision contexts, MANIFEST.sha256, VERIFY.md and "
                    + "verify_pack.py. Roles: AUDITOR, ARBITRATION_COMMITTEE.",
            responses = @ApiResponse(responseCode = "200", description = "The evidence pack",
                    content = @Content(mediaType = ZIP, schema = @Schema(type = "string", format = "binary"))))
    @GetMapping(value = "/opportunities/{opportunityId}/evidence-pack", produces = ZIP)
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ResponseEntity<byte[]> evidencePack(@PathVariable String opportunityId) {
        Map<String, byte[]> files = packs.build(opportunityId).orElseThrow(() -> RuleViolation.notFound("opportunity"));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("evidence-pack-" + opportunityId + ".zip").build().toString())
                .body(zip(files));
    }

    private static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : FIRST) {
                entry(zip, name, files.get(name));
            }
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                if (!FIRST.contains(file.getKey())) {
                    entry(zip, file.getKey(), file.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
