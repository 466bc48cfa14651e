package com.leadledger.kit.problem;

import com.leadledger.kit.domain.FieldProblem;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds RFC 7807 problem details with the members the API contract promises: type, title, status, detail, code, errors. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String code, String detail, List<FieldProblem> errors,
                                   Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:leadledger:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        problem.setProperty("errors", errors);
        properties.forEach(problem::setProperty);
        return problem;
    }

    public static ProblemDetail of(HttpStatus status, String code, String detail) {
        return of(status, code, detail, List.of(), Map.of());
    }

    /** For filters and security handlers that answer before Spring MVC does. */
    public static void write(HttpServletResponse response, JsonMapper mapper, HttpStatus status, String code,
                             String detail) throws IOException {
        write(response, mapper, of(status, code, detail));
    }

    public static void write(HttpServletResponse response, JsonMapper mapper, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), problem);
    }
}
