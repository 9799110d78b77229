package com.solduel.solana.rpc;

import java.net.URI;
import java.util.Locale;

/**
 * An endpoint did not give a JSON-RPC answer: it could not be reached, answered with an HTTP error
 * (5xx, 429 rate limit, ...) or garbage, or took too long. The endpoint is at fault, not the
 * request: this counts against its circuit breaker and the call fails over to another endpoint.
 */
public class RpcTransportException extends RuntimeException {

    /** What went wrong; also the {@code kind} tag of {@code solana_rpc_errors_total}. */
    public enum Kind {
        /** Connection refused or reset, DNS, TLS: no HTTP answer at all. */
        IO,
        /** No answer within the endpoint's timeout. */
        TIMEOUT,
        /** HTTP 5xx. */
        HTTP_5XX,
        /** HTTP 429: the node rate-limits us. */
        HTTP_429,
        /** Any other HTTP status than 200 (401/403 from a provider, 413, ...). */
        HTTP_STATUS,
        /** HTTP 200 whose body is not a JSON-RPC response. */
        BAD_RESPONSE,
        /** The endpoint's circuit breaker is open: it was not even tried. */
        BREAKER_OPEN,
        /** The endpoint already has maxConcurrentRequests requests in flight: it was not tried. */
        BULKHEAD_FULL,
        /** The calling thread was interrupted while waiting for the answer. */
        INTERRUPTED;

        /** The metric tag value, e.g. {@code http_5xx}. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Kind kind;
    private final URI endpoint;
    private final String detail;

    public RpcTransportException(Kind kind, URI endpoint, String message) {
        this(kind, endpoint, message, null);
    }

    public RpcTransportException(Kind kind, URI endpoint, String message, Throwable cause) {
        super(EndpointLabel.of(endpoint) + ": " + message, cause);
        this.kind = kind;
        this.endpoint = endpoint;
        this.detail = message;
    }

    public Kind kind() {
        return kind;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The message without the endpoint, e.g. "getSlot answered HTTP 500". */
    public String detail() {
        return detail;
    }
}
