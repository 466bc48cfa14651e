package com.leadledger.query.config;

import com.leadledger.kit.limits.RateLimitFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The shared per-caller rate limit, applied on the query side to POSTs (operator actions) only: reads were not limited
 * before the first POST endpoint arrived here, and their cost is bounded by page sizes.
 */
final class PostRateLimit extends OncePerRequestFilter {

    private final RateLimitFilter limit;

    PostRateLimit(RateLimitFilter limit) {
        this.limit = limit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        limit.doFilter(request, response, chain);
    }
}
