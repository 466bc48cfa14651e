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
 * Gives every request an id ({@code X-Request-Id}, taken from the caller when it is a sane token, else generated),
 * puts it in the logging context and echoes it in the response. Commands copy it into event metadata.
 */
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String CORRELATION_MDC_KEY = "correlationId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String incoming = request.getHeader(HEADER);
        String requestId = incoming != null && SANE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
        request.setAttribute(MDC_KEY, requestId);
        response.setHeader(HEADER, requestId);
        String correlation = request.getHeader(CORRELATION_HEADER);
        MDC.put(MDC_KEY, requestId);
        MDC.put(CORRELATION_MDC_KEY, correlation != null && SANE.matcher(correlation).matches() ? correlation : requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
            MDC.remove(CORRELATION_MDC_KEY);
        }
    }

    public static String current(HttpServletRequest request) {
        Object id = request.getAttribute(MDC_KEY);
        return id != null ? id.toString() : UUID.randomUUID().toString();
    }
}
