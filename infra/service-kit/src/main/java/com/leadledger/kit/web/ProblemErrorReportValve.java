package com.leadledger.kit.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Tomcat's own error pages (for requests it refuses before Spring sees them, such as a malformed URL) as
 * problem+json instead of HTML, so that every error either service returns has the same shape.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String code = status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        String title = status >= 500 ? "Internal Server Error" : "Bad Request";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"urn:leadledger:problem:" + code.toLowerCase().replace('_', '-')
                        + "\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"The request was refused before it reached the application.\",\"code\":\""
                        + code + "\",\"errors\":[]}");
            }
        } catch (IOException | IllegalStateException e) {
            // nothing more can be said to this client
        }
    }
}
