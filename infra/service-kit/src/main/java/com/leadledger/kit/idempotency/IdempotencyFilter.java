package com.leadledger.kit.idempotency;

import com.leadledger.kit.limits.BufferedBodyRequest;
import com.leadledger.kit.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on POST requests: the first request with a key is processed and its successful answer kept;
 * the same key with the same body (same caller, same path) answers that original response again and records nothing
 * new; the same key with a different body is 422 {@code IDEMPOTENCY_KEY_REUSED}; while the first is still running a
 * repeat gets 409 {@code IDEMPOTENCY_KEY_IN_PROGRESS}. Keys are scoped to the caller (token subject and partner) and
 * kept for {@code leadledger.idempotency.retention} (README). Failed requests (non-2xx) keep nothing, so they can be
 * retried with the same key. A service that stops after committing a request's work and before recording its answer
 * leaves the key in progress until it expires ({@link CommittedWork}), so a retry does not do the work twice.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern SANE_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final IdempotencyStore store;
    private final CommittedWork committedWork;
    private final JsonMapper mapper;

    public IdempotencyFilter(IdempotencyStore store, CommittedWork committedWork, JsonMapper mapper) {
        this.store = store;
        this.committedWork = committedWork;
        this.mapper = mapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    /**
     * {@code UNPROCESSABLE_ENTITY} rather than Spring 7's {@code UNPROCESSABLE_CONTENT}: the problem's title stays
     * "Unprocessable Entity".
     */
    @Override
    @SuppressWarnings("deprecation")
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!SANE_KEY.matcher(key).matches()) {
            Problems.write(response, mapper, HttpStatus.BAD_REQUEST, "IDEMPOTENCY_KEY_INVALID",
                    "Idempotency-Key must be 1 to 128 letters, digits, '.', '_', ':' or '-'.");
            return;
        }
        Optional<String> caller = caller();
        if (caller.isEmpty()) {
            chain.doFilter(request, response); // unauthenticated: security answers 401
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String fingerprint = fingerprint(request.getRequestURI(), body);
        String scope = caller.get();

        Optional<IdempotencyStore.Entry> existing = store.claim(scope, key, fingerprint);
        if (existing.isPresent()) {
            IdempotencyStore.Entry entry = existing.get();
            if (!entry.fingerprint().equals(fingerprint)) {
                Problems.write(response, mapper, HttpStatus.UNPROCESSABLE_ENTITY, "IDEMPOTENCY_KEY_REUSED",
                        "This Idempotency-Key was already used with a different request; nothing was recorded.");
            } else if (entry.pending()) {
                Problems.write(response, mapper, HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_IN_PROGRESS",
                        "A request with this Idempotency-Key is still being processed; retry shortly.");
            } else {
                response.setStatus(entry.status());
                if (entry.contentType() != null) {
                    response.setContentType(entry.contentType());
                }
                response.setHeader("Idempotent-Replayed", "true");
                response.getOutputStream().write(entry.body());
            }
            return;
        }

        ContentCachingResponseWrapper cachedResponse = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        committedWork.begin(scope, key);
        try {
            chain.doFilter(new BufferedBodyRequest(request, body), cachedResponse);
            int status = cachedResponse.getStatus();
            if (status >= 200 && status < 300) {
                store.complete(scope, key, status, cachedResponse.getContentType(), cachedResponse.getContentAsByteArray());
                completed = true;
            }
        } finally {
            committedWork.end();
            if (!completed) {
                store.release(scope, key);
            }
            cachedResponse.copyBodyToResponse();
        }
    }

    private static Optional<String> caller() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken jwt) {
            String partner = jwt.getToken().getClaimAsString("partner_id");
            return Optional.of(jwt.getToken().getSubject() + (partner == null ? "" : "@" + partner));
        }
        return Optional.empty();
    }

    private static String fingerprint(String path, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(path.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(body);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
