package com.leadledger.kit.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokenCacheTest {

    private static final Instant START = Instant.parse("2026-12-03T17:00:00Z");

    /** One source of time for the cache's clock and its ticker, moved by the test. */
    private final AtomicLong elapsedNanos = new AtomicLong();
    private final List<String> decoded = new ArrayList<>();
    private Instant expiresAt = START.plus(Duration.ofHours(1));
    private boolean refuse;

    private final JwtDecoder decoder = token -> {
        decoded.add(token);
        if (refuse) {
            throw new BadJwtException("refused");
        }
        return Jwt.withTokenValue(token).header("alg", "HS256").subject("alice")
                .issuedAt(expiresAt.minus(Duration.ofHours(2))).expiresAt(expiresAt).build();
    };

    private final VerifiedTokenCache cache = new VerifiedTokenCache(decoder, new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return START.plusNanos(elapsedNanos.get());
        }
    }, elapsedNanos::get);

    private void pass(Duration duration) {
        elapsedNanos.addAndGet(duration.toNanos());
    }

    @Test
    void decodesTheSameAcceptedTokenOnce() {
        Jwt first = cache.decode("token-a");
        assertThat(cache.decode("token-a")).isSameAs(first);
        cache.decode("token-b");

        assertThat(decoded).containsExactly("token-a", "token-b");
    }

    @Test
    void neverRemembersARefusal() {
        refuse = true;
        assertThatThrownBy(() -> cache.decode("token-a")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("token-a")).isInstanceOf(BadJwtException.class);
        refuse = false;
        cache.decode("token-a");

        assertThat(decoded).containsExactly("token-a", "token-a", "token-a");
    }

    @Test
    void servesARememberedTokenOnlyBeforeItsExpiry() {
        expiresAt = START.plusSeconds(60);
        cache.decode("token-a");
        pass(Duration.ofSeconds(59));
        cache.decode("token-a");
        assertThat(decoded).hasSize(1);

        pass(Duration.ofSeconds(1));
        refuse = true;
        assertThatThrownBy(() -> cache.decode("token-a")).isInstanceOf(BadJwtException.class);
        assertThat(decoded).hasSize(2);
    }

    @Test
    void decodesATokenAgainAfterTheMaximumAgeSoAWithdrawnKeyIsNoticed() {
        cache.decode("token-a");
        pass(VerifiedTokenCache.MAX_AGE.minusSeconds(1));
        cache.decode("token-a");
        assertThat(decoded).hasSize(1);

        pass(Duration.ofSeconds(1));
        refuse = true;
        assertThatThrownBy(() -> cache.decode("token-a")).isInstanceOf(BadJwtException.class);
        assertThat(decoded).hasSize(2);
    }

    @Test
    void doesNotRememberATokenAcceptedWithinTheClockSkewAfterItsExpiry() {
        expiresAt = START.minusSeconds(10);
        cache.decode("token-a");
        cache.decode("token-a");

        assertThat(decoded).containsExactly("token-a", "token-a");
    }
}
