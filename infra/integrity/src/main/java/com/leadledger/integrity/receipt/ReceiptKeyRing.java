package com.leadledger.integrity.receipt;

import com.leadledger.integrity.Hashes;
import com.leadledger.integrity.OwnerOnlyFiles;
import com.leadledger.integrity.proof.TreeHead;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The vendor's Ed25519 receipt keys, kept as PEM files in one directory: {@code <keyId>.public.pem} for every key ever
 * used (so old receipts stay verifiable after a rotation) and {@code <keyId>.private.pem} (PKCS#8) for keys that may
 * still sign. The newest key with a private part signs, unless another is named. To rotate: add a new key pair and
 * remove (or keep offline) the old private file. Private keys never leave this class.
 */
public final class ReceiptKeyRing {

    public record PublishedKey(String keyId, PublicKey publicKey) {
    }

    /** Thrown when the directory holds no key that may sign. */
    public static final class NoSigningKeyException extends IllegalStateException {
        NoSigningKeyException(String message) {
            super(message);
        }
    }

    private static final String PUBLIC = ".public.pem";
    private static final String PRIVATE = ".private.pem";

    private final List<PublishedKey> published;
    private final String activeKeyId;
    private final Ed25519SigningKey activeKey;

    private ReceiptKeyRing(List<PublishedKey> published, String activeKeyId, Ed25519SigningKey activeKey) {
        this.published = published;
        this.activeKeyId = activeKeyId;
        this.activeKey = activeKey;
    }

    /**
     * @param activeKeyId the key that signs; null or blank for the newest (by key id) that has a private part
     */
    public static ReceiptKeyRing load(Path dir, String activeKeyId) throws IOException {
        List<PublishedKey> published = new ArrayList<>();
        for (String keyId : idsWithSuffix(dir, PUBLIC)) {
            published.add(new PublishedKey(keyId, read(dir.resolve(keyId + PUBLIC), Ed25519Keys::publicKeyFromPem)));
        }
        String active = activeKeyId == null || activeKeyId.isBlank()
                ? idsWithSuffix(dir, PRIVATE).stream().max(Comparator.naturalOrder()).orElse(null)
                : activeKeyId;
        if (active == null) {
            throw new NoSigningKeyException("no receipt signing key in " + dir.toAbsolutePath()
                    + ": add <keyId>.private.pem and <keyId>.public.pem (Ed25519)");
        }
        PrivateKey key = read(dir.resolve(active + PRIVATE), Ed25519Keys::privateKeyFromPem);
        return new ReceiptKeyRing(List.copyOf(published), active, Ed25519SigningKey.of(key));
    }

    /** Whether the directory holds a key that may sign. */
    public static boolean hasSigningKey(Path dir) throws IOException {
        return !idsWithSuffix(dir, PRIVATE).isEmpty();
    }

    /**
     * Generates a key pair into the directory (created owner-only if needed; the private key created readable by its
     * owner only, see {@link OwnerOnlyFiles}) and returns its key id, {@code ed25519-<date>-<first 8 hex of the key's SHA-256>}.
     */
    public static String generate(Path dir, LocalDate today) throws IOException {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate Ed25519 keys", e);
        }
        OwnerOnlyFiles.directory(dir);
        String fingerprint = Hashes.hex(Hashes.sha256().digest(Ed25519Keys.rawPublicKey(pair.getPublic())));
        String keyId = "ed25519-" + today.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + fingerprint.substring(0, 8);
        Path privateFile = dir.resolve(keyId + PRIVATE);
        OwnerOnlyFiles.write(privateFile, Ed25519Keys.toPem(pair.getPrivate()));
        Files.writeString(dir.resolve(keyId + PUBLIC), Ed25519Keys.toPem(pair.getPublic()), StandardCharsets.US_ASCII);
        return keyId;
    }

    /** A receipt over these fields signed with the active key. */
    public Receipt sign(String registrationId, String opportunityId, String partnerId, String acceptedAt,
                        String eventHash) {
        return Receipt.sign(registrationId, opportunityId, partnerId, acceptedAt, eventHash, activeKeyId, activeKey);
    }

    /** A checkpoint's tree head signed with the active key (rotation applies as for receipts). */
    public TreeHead signTreeHead(long checkpoint, long lastIndex, long treeSize, byte[] rootHash,
                                 byte[] checkpointHash) {
        return TreeHead.sign(checkpoint, lastIndex, treeSize, rootHash, checkpointHash, activeKeyId, activeKey);
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    /** Every public key, current and retired, by key id. */
    public List<PublishedKey> publishedKeys() {
        return published;
    }

    public Optional<PublishedKey> publishedKey(String keyId) {
        return published.stream().filter(k -> k.keyId().equals(keyId)).findFirst();
    }

    private static List<String> idsWithSuffix(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix))
                    .map(n -> n.substring(0, n.length() - suffix.length())).sorted().toList();
        }
    }

    private static <K> K read(Path file, Function<String, K> parse) throws IOException {
        try {
            return parse.apply(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " is " + e.getMessage(), e);
        }
    }
}
