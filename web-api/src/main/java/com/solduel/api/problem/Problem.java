package com.solduel.api.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details body. {@code type} is a stable URI per failure kind,
 * {@code code} its short form for clients that switch on it.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "code", "instance", "violations"})
@Schema(name = "Problem", description = "RFC 9457 problem details; switch on `code`",
        requiredProperties = {"type", "title", "status", "detail", "code"})
public record Problem(
        @Schema(description = "A stable URI per failure kind", format = "uri",
                example = "https://solduel.dev/problems/invalid-request") String type,
        @Schema(description = "The HTTP reason phrase", example = "Bad Request") String title,
        @Schema(description = "The HTTP status", format = "int32", example = "400") int status,
        @Schema(description = "What went wrong, for a human", example = "the request has invalid fields") String detail,
        @Schema(description = "The failure's short, stable code (kebab-case)", example = "invalid-request") String code,
        @Schema(description = "The request path", example = "/api/games") String instance,
        @Schema(description = "The invalid fields, for validation failures") List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://solduel.dev/problems/";

    /** One invalid input field of a request. */
    @Schema(name = "Violation", requiredProperties = {"field", "message"})
    public record Violation(@Schema(description = "The field or parameter", example = "gameType") String field,
                            @Schema(description = "Why it is invalid", example = "gameType must be RPS or DUEL") String message) {
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
