package com.leadledger.kit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id the server generates, puts it in the logging context and echoes it in the response
 * ({@code X-Request-Id}). Commands copy it into event metadata as the request, causation and correlation id, so no
 * caller can make its own event look caused by, or correlated with, somebody else's decision. An id the caller sends
 * ({@code X-Request-Id}, else {@code X-Correlation-Id}) is kept only as its own reference, {@code clientRequestId}, when
 * it is a sane token of at most 64 characters.
 */
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String CORRELATION_MDC_KEY = "correlationId";
    public static final String CLIENT_REQUEST_ID = "clientRequestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = UUID.randomUUID().toString();
        request.setAttribute(MDC_KEY, requestId);
        response.setHeader(HEADER, requestId);
        String clientRequestId = sane(request.getHeader(HEADER), sane(request.getHeader(CORRELATION_HEADER), null));
        if (clientRequestId != null) {
            request.setAttribute(CLIENT_REQUEST_ID, clientRequestId);
            MDC.put(CLIENT_REQUEST_ID, clientRequestId);
        }
        MDC.put(MDC_KEY, requestId);
        MDC.put(CORRELATION_MDC_KEY, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
            MDC.remove(CORRELATION_MDC_KEY);
            MDC.remove(CLIENT_REQUEST_ID);
        }
    }

    /** The server's id of this request. */
    public static String current(HttpServletRequest request) {
        Object id = request.getAttribute(MDC_KEY);
        return id != null ? id.toString() : UUID.randomUUID().toString();
    }

    /** The caller's own id of this request, when it sent a sane one; null otherwise. */
    public static String clientRequestId(HttpServletRequest request) {
        Object id = request.getAttribute(CLIENT_REQUEST_ID);
        return id == null ? null : id.toString();
    }

    private static String sane(String value, String fallback) {
        return value != null && SANE.matcher(value).matches() ? value : fallback;
    }
}
