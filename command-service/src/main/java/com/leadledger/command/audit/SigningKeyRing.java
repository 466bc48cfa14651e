package com.leadledger.command.audit;

import com.leadledger.events.integrity.EventChain;
import com.leadledger.events.integrity.Ed25519Keys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The vendor's Ed25519 receipt keys, kept as PEM files in {@code leadledger.receipts.key-dir}: {@code <keyId>.public.pem}
 * for every key ever used (so old receipts stay verifiable after a rotation) and {@code <keyId>.private.pem} (PKCS#8)
 * for keys that may still sign. The newest key with a private part signs, unless {@code leadledger.receipts.active-key-id}
 * names one. To rotate: add a new key pair and remove (or keep offline) the old private file. The local profile
 * generates a first key pair when the directory is empty. Private keys are never logged.
 */
@Component
public class SigningKeyRing {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyRing.class);

    public record PublishedKey(String keyId, PublicKey publicKey) {
    }

    private final List<PublishedKey> published;
    private final String activeKeyId;
    private final PrivateKey activeKey;

    SigningKeyRing(@Value("${leadledger.receipts.key-dir}") Path keyDir,
                   @Value("${leadledger.receipts.generate-if-missing:false}") boolean generateIfMissing,
                   @Value("${leadledger.receipts.active-key-id:}") String configuredActiveKeyId,
                   Clock clock) {
        try {
            if (generateIfMissing && !containsPrivateKey(keyDir)) {
                generate(keyDir, clock);
            }
            this.published = loadPublicKeys(keyDir);
            String active = configuredActiveKeyId.isBlank()
                    ? privateKeyIds(keyDir).stream().max(Comparator.naturalOrder()).orElse(null)
                    : configuredActiveKeyId;
            if (active == null) {
                throw new IllegalStateException("no receipt signing key in " + keyDir.toAbsolutePath()
                        + ": add <keyId>.private.pem and <keyId>.public.pem (Ed25519), or set "
                        + "leadledger.receipts.generate-if-missing=true");
            }
            this.activeKeyId = active;
            this.activeKey = readPrivate(keyDir.resolve(active + ".private.pem"));
            log.info("receipts are signed with key {}; {} public key(s) published", activeKeyId, published.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read receipt keys from " + keyDir, e);
        }
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    PrivateKey activeKey() {
        return activeKey;
    }

    public List<PublishedKey> publishedKeys() {
        return published;
    }

    public Optional<PublishedKey> publishedKey(String keyId) {
        return published.stream().filter(k -> k.keyId().equals(keyId)).findFirst();
    }

    private static void generate(Path dir, Clock clock) throws IOException {
        try {
            Files.createDirectories(dir);
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            String fingerprint = EventChain.hex(EventChain.sha256().digest(Ed25519Keys.rawPublicKey(pair.getPublic())));
            String keyId = "ed25519-" + LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
                    + fingerprint.substring(0, 8);
            Path privateFile = dir.resolve(keyId + ".private.pem");
            Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on file systems without POSIX permissions
            }
            Files.writeString(dir.resolve(keyId + ".public.pem"), Ed25519Keys.toPem(pair.getPublic()),
                    StandardCharsets.US_ASCII);
            log.info("generated receipt signing key {} in {}", keyId, dir.toAbsolutePath());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate Ed25519 keys", e);
        }
    }

    private static boolean containsPrivateKey(Path dir) throws IOException {
        return Files.isDirectory(dir) && !privateKeyIds(dir).isEmpty();
    }

    private static List<String> privateKeyIds(Path dir) throws IOException {
        return idsWithSuffix(dir, ".private.pem");
    }

    private static List<PublishedKey> loadPublicKeys(Path dir) throws IOException {
        List<PublishedKey> keys = new ArrayList<>();
        for (String keyId : idsWithSuffix(dir, ".public.pem")) {
            keys.add(new PublishedKey(keyId, readPublic(dir.resolve(keyId + ".public.pem"))));
        }
        return List.copyOf(keys);
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

    private static PublicKey readPublic(Path file) throws IOException {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der(file)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(file + " is not an Ed25519 public key", e);
        }
    }

    private static PrivateKey readPrivate(Path file) throws IOException {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der(file)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(file + " is not an Ed25519 private key (PKCS#8 PEM)", e);
        }
    }

    private static byte[] der(Path pemFile) throws IOException {
        String pem = Files.readString(pemFile, StandardCharsets.US_ASCII);
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
