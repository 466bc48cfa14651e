package com.leadledger.kit.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Remembers the tokens the decoder accepted, by their exact text (signature included), so a caller that sends the same
 * bearer token again is not parsed, verified and validated again. Only accepted tokens are remembered (a refusal
 * throws before anything is stored); a remembered token is served only before its {@code exp} and for at most
 * {@link #MAX_AGE} — as long as the issuer's JWK set is cached, so a key the issuer withdraws stops being honoured
 * within the same time as without this cache.
 */
final class VerifiedTokenCache implements JwtDecoder {

    static final int MAX_TOKENS = 4_096;
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> accepted;

    VerifiedTokenCache(JwtDecoder decoder) {
        this(decoder, Clock.systemUTC(), Ticker.systemTicker());
    }

    VerifiedTokenCache(JwtDecoder decoder, Clock clock, Ticker ticker) {
        this.decoder = decoder;
        this.clock = clock;
        this.accepted = Caffeine.newBuilder().maximumSize(MAX_TOKENS).expireAfterWrite(MAX_AGE).ticker(ticker)
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = accepted.getIfPresent(token);
        if (known != null && clock.instant().isBefore(known.getExpiresAt())) {
            return known;
        }
        Jwt jwt = decoder.decode(token);
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt != null && clock.instant().isBefore(expiresAt)) {
            accepted.put(token, jwt);
        }
        return jwt;
    }
}
