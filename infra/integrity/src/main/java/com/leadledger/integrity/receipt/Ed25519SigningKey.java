package com.leadledger.integrity.receipt;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

import java.security.PrivateKey;
import java.security.interfaces.EdECPrivateKey;

/**
 * An Ed25519 private key ready to sign many messages: BouncyCastle's RFC 8032 code, with the public half derived once.
 * JDK 17's pure-Java Ed25519 spends about a millisecond of CPU per signature (it derives the public key again on every
 * {@code initSign}); this takes a small fraction of that. Ed25519 signatures are deterministic, so the bytes are the
 * same as the JDK's (and openssl's) for the same key and message. BouncyCastle is used directly, never registered as a
 * JCA provider. Instances are immutable and safe to share between threads.
 */
public final class Ed25519SigningKey {

    static {
        Ed25519.precompute();
    }

    private final byte[] secret;
    private final byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];

    private Ed25519SigningKey(byte[] secret) {
        if (secret.length != Ed25519.SECRET_KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 private key has " + Ed25519.SECRET_KEY_SIZE + " bytes");
        }
        this.secret = secret.clone();
        Ed25519.generatePublicKey(this.secret, 0, publicKey, 0);
    }

    /** The key as the JDK reads it from a PKCS#8 file ({@link Ed25519Keys#privateKeyFromPem(String)}). */
    public static Ed25519SigningKey of(PrivateKey key) {
        if (!(key instanceof EdECPrivateKey edec) || edec.getBytes().isEmpty()) {
            throw new IllegalArgumentException("not an Ed25519 private key");
        }
        return new Ed25519SigningKey(edec.getBytes().get());
    }

    /** The 64-byte Ed25519 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(secret, 0, publicKey, 0, message, 0, message.length, signature, 0);
        return signature;
    }
}
