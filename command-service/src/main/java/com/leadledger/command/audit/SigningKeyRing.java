package com.leadledger.command.audit;

import com.leadledger.integrity.proof.TreeHead;
import com.leadledger.integrity.receipt.Receipt;
import com.leadledger.integrity.receipt.ReceiptKeyRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The vendor's receipt keys ({@link ReceiptKeyRing}) in {@link ReceiptKeyProperties#keyDir()}. The newest key with a
 * private part signs, unless {@link ReceiptKeyProperties#activeKeyId()} names one. The local profile generates a first
 * key pair when the directory is empty. Private keys are never logged.
 */
@Component
public class SigningKeyRing {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyRing.class);

    private final ReceiptKeyRing ring;

    SigningKeyRing(ReceiptKeyProperties properties, Clock clock) {
        Path keyDir = properties.keyDir();
        try {
            if (properties.generateIfMissing() && !ReceiptKeyRing.hasSigningKey(keyDir)) {
                String keyId = ReceiptKeyRing.generate(keyDir, LocalDate.now(clock));
                log.info("generated receipt signing key {} in {}", keyId, keyDir.toAbsolutePath());
            }
            this.ring = ReceiptKeyRing.load(keyDir, properties.activeKeyId() == null ? "" : properties.activeKeyId());
            log.info("receipts are signed with key {}; {} public key(s) published", ring.activeKeyId(),
                    ring.publishedKeys().size());
        } catch (ReceiptKeyRing.NoSigningKeyException e) {
            throw new IllegalStateException(e.getMessage() + " to the directory LEADLEDGER_RECEIPT_KEY_DIR "
                    + "(leadledger.receipts.key-dir) names, or set leadledger.receipts.generate-if-missing=true");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read receipt keys from " + keyDir, e);
        }
    }

    public String activeKeyId() {
        return ring.activeKeyId();
    }

    Receipt sign(String registrationId, String opportunityId, String partnerId, String acceptedAt, String eventHash) {
        return ring.sign(registrationId, opportunityId, partnerId, acceptedAt, eventHash);
    }

    /** A checkpoint's tree head signed with the active key. */
    public TreeHead signTreeHead(long checkpoint, long lastIndex, long treeSize, byte[] rootHash,
                                 byte[] checkpointHash) {
        return ring.signTreeHead(checkpoint, lastIndex, treeSize, rootHash, checkpointHash);
    }

    public List<ReceiptKeyRing.PublishedKey> publishedKeys() {
        return ring.publishedKeys();
    }

    public Optional<ReceiptKeyRing.PublishedKey> publishedKey(String keyId) {
        return ring.publishedKey(keyId);
    }
}
