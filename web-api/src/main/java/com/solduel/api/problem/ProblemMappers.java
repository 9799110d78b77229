package com.solduel.api.problem;

import com.solduel.infra.db.DatabaseOutages;
import com.solduel.shared.SolDuelException;
import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
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
    private static final String RUNTIME_FAILURE = "org.jboss.resteasy.spi.Failure";
    /** JAX-RS 3.1's Status has no 422. */
    private static final Response.StatusType UNPROCESSABLE_CONTENT = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Status.Family getFamily() {
            return Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable e = unwrap(thrown);
        if (!(e instanceof SolDuelException) && DatabaseOutages.isOutage(e)) {
            // Not through an EJB (or at its commit): the same 503 the EJBs' interceptor gives.
            e = DatabaseOutages.unavailable(e);
        }
        Response response = problemFor(e, uriInfo.getRequestUri().getPath()).toResponse();
        if (e instanceof SolDuelException domain && domain.retryAfterSeconds().isPresent()) {
            return Response.fromResponse(response).header("Retry-After", domain.retryAfterSeconds().getAsLong()).build();
        }
        return response;
    }

    /** The problem details for a failure while serving {@code instance} (the request path). */
    static Problem problemFor(Throwable e, String instance) {
        if (e instanceof SolDuelException domain) {
            Problem problem = Problem.of(statusOf(domain.kind()), domain.code(), domain.getMessage(), instance);
            return domain instanceof InvalidFieldException field
                    ? problem.withViolations(List.of(new Problem.Violation(field.field(), field.getMessage())))
                    : problem;
        }
        if (e instanceof ConstraintViolationException violations) {
            List<Problem.Violation> list = violations.getConstraintViolations().stream()
                    .map(v -> new Problem.Violation(field(v), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.Violation::field))
                    .toList();
            return Problem.of(Status.BAD_REQUEST, "invalid-request", "the request has invalid fields", instance)
                    .withViolations(list);
        }
        boolean runtimeWrapper = e instanceof WebApplicationException || runtimeFailureStatus(e) > 0;
        SolDuelException wrapped = runtimeWrapper ? firstCause(e, SolDuelException.class) : null;
        if (wrapped != null) {
            // A parameter converter or body reader (com.solduel.api.input) refused a value, and the
            // runtime wrapped the refusal: the cause says which field and why.
            return problemFor(wrapped, instance);
        }
        if (runtimeWrapper && (firstCause(e, JsonException.class) != null || firstCause(e, JsonbException.class) != null)) {
            return problemFor(new JsonException("unreadable body"), instance);
        }
        if (e instanceof NotFoundException && e.getCause() != null) {
            // JAX-RS answers 404 when a path or query parameter cannot be converted; it is a bad request.
            return Problem.of(Status.BAD_REQUEST, "invalid-parameter",
                    "a path or query parameter has a value of the wrong type", instance);
        }
        if (e instanceof JsonbException || e instanceof JsonException || e instanceof ProcessingException) {
            return Problem.of(Status.BAD_REQUEST, "malformed-body",
                    "the request body is not valid JSON of the expected shape", instance);
        }
        if (e instanceof WebApplicationException web) {
            // Never the exception's message: the runtime's messages name classes and parameters.
            return StatusProblems.problem(web.getResponse().getStatus(), instance);
        }
        int runtimeStatus = runtimeFailureStatus(e);
        if (runtimeStatus >= 400 && runtimeStatus < 500) {
            return StatusProblems.problem(runtimeStatus, instance);
        }
        if (runtimeStatus > 0 && causedBy(e, IllegalArgumentException.class)) {
            // The runtime could not parse something the client sent (e.g. Accept: */*;q=abc).
            return Problem.of(Status.BAD_REQUEST, "malformed-header",
                    "a request header is malformed (Accept, Content-Type or another header)", instance);
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + incident + " at " + instance, e);
        return Problem.of(Status.INTERNAL_SERVER_ERROR, "internal-error",
                "an unexpected error occurred; quote incident " + incident + " when reporting it", instance);
    }

    /**
     * The status a JAX-RS runtime failure carries that is not a {@link WebApplicationException}
     * (RESTEasy's {@code org.jboss.resteasy.spi.Failure} and subclasses such as
     * {@code LoggableFailure}), read by reflection so no runtime class is a compile dependency;
     * 0 when {@code e} is not such a failure.
     */
    static int runtimeFailureStatus(Throwable e) {
        for (Class<?> type = e.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(RUNTIME_FAILURE)) {
                try {
                    Object status = type.getMethod("getErrorCode").invoke(e);
                    int code = status instanceof Integer i ? i : 500;
                    return code > 0 ? code : 500;
                } catch (ReflectiveOperationException | RuntimeException unreadable) {
                    return 500;
                }
            }
        }
        return 0;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return firstCause(e, type) != null;
    }

    /** The first of {@code e}'s causes (not {@code e} itself) that is a {@code type}, or null. */
    private static <T extends Throwable> T firstCause(Throwable e, Class<T> type) {
        int depth = 0;
        for (Throwable t = e.getCause(); t != null && depth < 10; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    static Response.StatusType statusOf(SolDuelException.Kind kind) {
        return switch (kind) {
            case INVALID_INPUT -> Status.BAD_REQUEST;
            case UNPROCESSABLE -> UNPROCESSABLE_CONTENT;
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
