package com.solduel.api.problem;

import jakarta.ws.rs.core.Response;

/**
 * The code and a fixed, caller-facing detail for an HTTP error status the runtime or the web
 * container answers by itself. The runtime's own message is never shown: it names classes.
 */
public final class StatusProblems {

    private StatusProblems() {
    }

    /** {@code Not Found} → {@code not-found}; {@code internal-error} for any 5xx we did not classify. */
    public static String codeFor(int status) {
        if (status == 500) {
            return "internal-error";
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String phrase = known != null ? known.getReasonPhrase() : reasonPhrase(status);
        return phrase.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }

    public static String detailFor(int status) {
        return switch (status) {
            case 400 -> "the request is malformed";
            case 401 -> "a valid Bearer token is required (POST /api/auth/verify issues one)";
            case 403 -> "this request is not allowed";
            case 404 -> "nothing is served at this path";
            case 405 -> "this path does not accept that method";
            case 406 -> "this resource answers application/json (errors as application/problem+json)";
            case 408 -> "the request took too long to arrive";
            case 411 -> "the request needs a Content-Length";
            case 413 -> "the request body is too large";
            case 414 -> "the request path is too long";
            case 415 -> "the request body must be application/json";
            case 429 -> "too many requests; retry after the number of seconds in Retry-After";
            case 431 -> "the request headers are too large";
            case 503 -> "the service is unavailable right now; retry later";
            default -> status >= 500 ? "an unexpected error occurred" : "the request cannot be served";
        };
    }

    /** A problem for a bare status, e.g. one the web container or JAX-RS answered by itself. */
    public static Problem problem(int status, String instance) {
        return Problem.of(statusType(status), codeFor(status), detailFor(status), instance);
    }

    /** The JAX-RS status type of {@code status}, with a reason phrase for the ones JAX-RS lacks. */
    public static Response.StatusType statusType(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known;
        }
        return new Response.StatusType() {
            @Override
            public int getStatusCode() {
                return status;
            }

            @Override
            public Response.Status.Family getFamily() {
                return Response.Status.Family.familyOf(status);
            }

            @Override
            public String getReasonPhrase() {
                return reasonPhrase(status);
            }
        };
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 411 -> "Length Required";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            default -> status >= 500 ? "Server Error" : "Client Error";
        };
    }
}
