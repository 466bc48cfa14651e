package com.leadledger.command.audit;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;

/**
 * @param keyDir            the Ed25519 receipt keys ({@code LEADLEDGER_RECEIPT_KEY_DIR})
 * @param generateIfMissing create a first key pair when the directory holds none (local profile)
 * @param activeKeyId       which key signs ({@code LEADLEDGER_RECEIPT_KEY_ID}); empty for the newest private key
 */
@ConfigurationProperties("leadledger.receipts")
@Validated
public record ReceiptKeyProperties(@NotNull Path keyDir, boolean generateIfMissing, String activeKeyId) {
}
