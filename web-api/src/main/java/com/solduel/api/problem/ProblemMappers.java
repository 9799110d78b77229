package com.solduel.api.problem;

import com.solduel.shared.SolDuelException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure into problem details, in one place. A caller's mistake is a 4xx with a
 * message saying what to fix; only a fault of ours is a 500, logged with an incident id.
 */
@Provider
public class ProblemMappers implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable e = unwrap(thrown);
        Response response = problemFor(e, uriInfo.getRequestUri().getPath()).toResponse();
        if (e instanceof SolDuelException domain && domain.retryAfterSeconds().isPresent()) {
            return Response.fromResponse(response).header("Retry-After", domain.retryAfterSeconds().getAsLong()).build();
        }
        return response;
    }

    /** The problem details for a failure while serving {@code instance} (the request path). */
    static Problem problemFor(Throwable e, String instance) {
        if (e instanceof SolDuelException domain) {
            return Problem.of(statusOf(domain.kind()), domain.code(), domain.getMessage(), instance);
        }
        if (e instanceof ConstraintViolationException violations) {
            List<Problem.Violation> list = violations.getConstraintViolations().stream()
                    .map(v -> new Problem.Violation(field(v), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.Violation::field))
                    .toList();
            return Problem.of(Status.BAD_REQUEST, "invalid-request", "the request has invalid fields", instance)
                    .withViolations(list);
        }
        if (e instanceof JsonbException || e instanceof ProcessingException) {
            return Problem.of(Status.BAD_REQUEST, "malformed-body",
                    "the request body is not valid JSON of the expected shape", instance);
        }
        if (e instanceof WebApplicationException web) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            String code = status.getReasonPhrase().toLowerCase().replace(' ', '-');
            return Problem.of(status, code, web.getMessage(), instance);
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + incident + " at " + instance, e);
        return Problem.of(Status.INTERNAL_SERVER_ERROR, "internal-error",
                "an unexpected error occurred; quote incident " + incident + " when reporting it", instance);
    }

    static Response.StatusType statusOf(SolDuelException.Kind kind) {
        return switch (kind) {
            case INVALID_INPUT -> Status.BAD_REQUEST;
            case NOT_FOUND -> Status.NOT_FOUND;
            case CONFLICT -> Status.CONFLICT;
            case UNAUTHENTICATED -> Status.UNAUTHORIZED;
            case FORBIDDEN -> Status.FORBIDDEN;
            case RATE_LIMITED -> Status.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> Status.SERVICE_UNAVAILABLE;
        };
    }

    /** EJB containers wrap unchecked exceptions; the caller cares about the cause. */
    static Throwable unwrap(Throwable thrown) {
        Throwable e = thrown;
        while ((e instanceof EJBException || e.getClass() == RuntimeException.class) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** {@code list.arg1} → {@code size}: the parameter name a client recognises, not the Java path. */
    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
