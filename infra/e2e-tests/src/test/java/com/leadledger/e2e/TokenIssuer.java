package com.leadledger.e2e;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small real OAuth2 token issuer over HTTP, as a deployment's identity provider is to the services: {@code GET /jwks}
 * publishes its public keys as a JWK set (the RSA key it signs with, and an elliptic-curve key it may sign with),
 * {@code POST /token} runs the client-credentials grant for one confidential client (HTTP Basic client authentication,
 * RFC 6749 section 2.3.1) and answers an RS256 access token carrying the AUDITOR role. Tests mint the other callers'
 * tokens with the same private key ({@link #mint}), or variants of them ({@link #claims}, {@link #sign}).
 */
final class TokenIssuer implements AutoCloseable {

    /** A client-credentials request as the issuer saw it, whether it answered with a token or not. */
    record TokenRequest(String clientId, String grantType, boolean granted) {
    }

    static final Duration ACCESS_TOKEN_TTL = Duration.ofHours(1);
    private static final String LOOPBACK = "127.0.0.1";

    private final HttpServer server;
    private final RSAKey signingKey;
    private final ECKey ellipticCurveKey;
    private final String audience;
    private final String clientId;
    private final String clientSecret;
    private final List<TokenRequest> tokenRequests = new CopyOnWriteArrayList<>();

    private TokenIssuer(String audience, String clientId, String clientSecret) throws IOException {
        this.audience = audience;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.signingKey = newRsaKey("issuer-rsa-1");
        this.ellipticCurveKey = newEcKey("issuer-ec-1");
        this.server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        server.createContext("/jwks", this::jwks);
        server.createContext("/token", this::token);
    }

    /** Starts an issuer on a free loopback port whose tokens name {@code audience} and that knows one client. */
    static TokenIssuer start(String audience, String clientId, String clientSecret) throws IOException {
        TokenIssuer issuer = new TokenIssuer(audience, clientId, clientSecret);
        issuer.server.start();
        return issuer;
    }

    /** An RSA signing key the issuer does not publish, under any key id (for tokens the services must refuse). */
    static RSAKey newRsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    static ECKey newEcKey(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an EC key", e);
        }
    }

    /** The issuer identifier, the {@code iss} of its tokens: its base URL. */
    String issuer() {
        return "http://" + LOOPBACK + ":" + server.getAddress().getPort();
    }

    String jwksUri() {
        return issuer() + "/jwks";
    }

    String tokenUri() {
        return issuer() + "/token";
    }

    RSAKey signingKey() {
        return signingKey;
    }

    ECKey ellipticCurveKey() {
        return ellipticCurveKey;
    }

    List<TokenRequest> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    /** A token of this issuer for the services' audience, valid for an hour. */
    String mint(String subject, List<String> roles, String partnerIdOrNull) {
        return sign(claims(subject, roles, partnerIdOrNull).build(), signingKey);
    }

    /** The claims {@link #mint} signs, to change before {@link #sign}. */
    JWTClaimsSet.Builder claims(String subject, List<String> roles, String partnerIdOrNull) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .audience(audience)
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.copyOf(roles))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ACCESS_TOKEN_TTL)));
        if (partnerIdOrNull != null) {
            claims.claim("partner_id", partnerIdOrNull);
        }
        return claims;
    }

    /** RS256 with an RSA key, ES256 with an elliptic-curve key, naming its key id in the header. */
    static String sign(JWTClaimsSet claims, JWK key) {
        boolean rsa = key instanceof RSAKey;
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(rsa ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256)
                .keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(rsa ? new RSASSASigner(key.toRSAKey()) : new ECDSASigner(key.toECKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jwt.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void jwks(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            answer(exchange, 405, Map.of("error", "method_not_allowed"));
            return;
        }
        answer(exchange, 200, new JWKSet(List.of(signingKey.toPublicJWK(), ellipticCurveKey.toPublicJWK())).toJSONObject());
    }

    private void token(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            answer(exchange, 405, Map.of("error", "method_not_allowed"));
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String[] client = basicCredentials(exchange.getRequestHeaders().getFirst("Authorization"));
        String grantType = form.get("grant_type");
        if (client == null || !clientId.equals(client[0]) || !clientSecret.equals(client[1])) {
            tokenRequests.add(new TokenRequest(client == null ? null : client[0], grantType, false));
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"token\"");
            answer(exchange, 401, Map.of("error", "invalid_client"));
            return;
        }
        if (!"client_credentials".equals(grantType)) {
            tokenRequests.add(new TokenRequest(client[0], grantType, false));
            answer(exchange, 400, Map.of("error", "unsupported_grant_type"));
            return;
        }
        tokenRequests.add(new TokenRequest(client[0], grantType, true));
        Map<String, Object> response = new HashMap<>();
        response.put("access_token", mint(client[0], List.of("AUDITOR"), null));
        response.put("token_type", "Bearer");
        response.put("expires_in", ACCESS_TOKEN_TTL.toSeconds());
        answer(exchange, 200, response);
    }

    /** Client id and secret from HTTP Basic, each form-urlencoded before encoding as RFC 6749 section 2.3.1 says. */
    private static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return null;
        }
        String decoded = new String(Base64.getDecoder().decode(authorization.substring("Basic ".length()).trim()),
                StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        return new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static void answer(HttpExchange exchange, int status, Map<String, ?> json) throws IOException {
        byte[] body = JSONObjectUtils.toJSONString(json).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
