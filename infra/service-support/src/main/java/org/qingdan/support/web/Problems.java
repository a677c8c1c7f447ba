package org.qingdan.support.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds our problem documents: stable type URIs, Chinese titles, violations and the trace id. */
public final class Problems {

    public static final String TYPE_BASE = "https://qingdan.org/problems/";

    public static ProblemDetail of(int status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        String traceId = TraceIds.current();
        if (traceId != null) {
            problem.setProperty("traceId", traceId);
        }
        return problem;
    }

    public static ProblemDetail withViolations(ProblemDetail problem, List<Violation> violations) {
        if (!violations.isEmpty()) {
            problem.setProperty("errors", violations);
        }
        return problem;
    }

    /** The response for a problem: its status and {@code application/problem+json}. */
    public static org.springframework.http.ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return org.springframework.http.ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private Problems() {
    }
}
