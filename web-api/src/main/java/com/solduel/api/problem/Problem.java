package com.solduel.api.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem details body. {@code type} is a stable URI per failure kind,
 * {@code code} its short form for clients that switch on it.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "code", "instance", "violations"})
public record Problem(String type, String title, int status, String detail, String code, String instance,
                      List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://solduel.dev/problems/";

    /** One invalid input field of a request. */
    public record Violation(String field, String message) {
    }

    public static Problem of(Response.StatusType status, String code, String detail, String instance) {
        return new Problem(TYPE_BASE + code, status.getReasonPhrase(), status.getStatusCode(), detail, code,
                instance, null);
    }

    public Problem withViolations(List<Violation> list) {
        return new Problem(type, title, status, detail, code, instance, list);
    }

    public Response toResponse() {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
    }
}
