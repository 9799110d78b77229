package com.solduel.api.edge;

import java.util.Set;

/**
 * The CORS allowlist ({@code solduel.http.allowed-origins}, the same list the WebSocket
 * handshake checks {@code Origin} against): an origin is allowed only if listed exactly.
 */
public final class CorsPolicy {

    static final String ALLOWED_METHODS = "GET, POST, PUT, DELETE, OPTIONS";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type";
    static final String EXPOSED_HEADERS = "Retry-After, Cache-Status, Location";
    static final String MAX_AGE_SECONDS = "600";

    private final Set<String> allowedOrigins;

    public CorsPolicy(Set<String> allowedOrigins) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    public boolean allows(String origin) {
        return origin != null && allowedOrigins.contains(origin);
    }
}
