package com.leadledger.kit.limits;

import com.leadledger.kit.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * Refuses request bodies above {@code leadledger.limits.max-body-bytes} (CSV files: {@code max-csv-body-bytes}) with
 * 413 problem+json before anything reads them. Bodies without a declared length (chunked) are refused too when they exceed the limit while being read.
 */
public class RequestSizeFilter extends OncePerRequestFilter {

    private final JsonMapper mapper;
    private final long maxBodyBytes;
    private final long maxCsvBodyBytes;

    public RequestSizeFilter(JsonMapper mapper, long maxBodyBytes, long maxCsvBodyBytes) {
        this.mapper = mapper;
        this.maxBodyBytes = maxBodyBytes;
        this.maxCsvBodyBytes = maxCsvBodyBytes;
    }

    /**
     * {@code PAYLOAD_TOO_LARGE} rather than Spring 7's {@code CONTENT_TOO_LARGE}: the problem's title stays
     * "Payload Too Large".
     */
    @Override
    @SuppressWarnings("deprecation")
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        long maxBytes = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv")
                ? maxCsvBodyBytes : maxBodyBytes;
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            Problems.write(response, mapper, HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                    "The request body exceeds " + maxBytes + " bytes.");
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                Problems.write(response, mapper, HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                        "The request body exceeds " + maxBytes + " bytes.");
                return;
            }
            chain.doFilter(new BufferedBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }
}
