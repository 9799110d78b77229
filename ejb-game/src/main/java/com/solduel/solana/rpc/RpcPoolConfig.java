package com.solduel.solana.rpc;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;

/**
 * The seed's {@code rpc-pool.json}, validated: the Solana RPC endpoints in the order they are
 * written, how to choose among them, how often to health-check them, how often to retry a call and
 * after how many consecutive failures an endpoint's circuit breaker opens.
 */
public record RpcPoolConfig(List<Endpoint> endpoints, FallbackStrategy fallbackStrategy,
                            Duration healthCheckInterval, int retryAttempts, int circuitBreakerThreshold) {

    /** One RPC node: lower {@code priority} is preferred; {@code timeout} bounds one request. */
    public record Endpoint(URI url, int priority, Duration timeout, int maxConcurrentRequests) {
    }

    /** How the first endpoint of a call is chosen; failover always goes by priority, then load. */
    public enum FallbackStrategy {
        /** Successive calls start at successive endpoints, spreading the load over all of them. */
        ROUND_ROBIN("round-robin"),
        /** Every call starts at the best priority; among equal priorities the least busy endpoint. */
        PRIORITY("priority");

        private final String json;

        FallbackStrategy(String json) {
            this.json = json;
        }

        /** The value as written in rpc-pool.json. */
        public String json() {
            return json;
        }

        static FallbackStrategy ofJson(String value) {
            for (FallbackStrategy strategy : values()) {
                if (strategy.json.equals(value)) {
                    return strategy;
                }
            }
            return null;
        }
    }

    public RpcPoolConfig {
        endpoints = List.copyOf(endpoints);
    }

    /**
     * Parses and validates rpc-pool.json text; every problem found is listed in one
     * {@link IllegalArgumentException} message, so a broken ConfigMap is fixed in one round.
     */
    public static RpcPoolConfig parse(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("the RPC pool configuration is empty: it must be rpc-pool.json text "
                    + "such as {\"endpoints\":[{\"url\":\"http://127.0.0.1:8899\",\"priority\":1,\"timeout\":5000,"
                    + "\"maxConcurrentRequests\":100}],\"fallbackStrategy\":\"round-robin\",\"healthCheckInterval\":30000,"
                    + "\"retryAttempts\":3,\"circuitBreakerThreshold\":5}");
        }
        PoolJson raw;
        Jsonb jsonb = jsonb();
        try (jsonb) {
            raw = jsonb.fromJson(json, PoolJson.class);
        } catch (JsonbException e) {
            throw new IllegalArgumentException("the RPC pool configuration is not valid rpc-pool.json: "
                    + rootMessage(e), e);
        } catch (Exception e) {
            throw new IllegalStateException("JSON-B failed while reading the RPC pool configuration", e);
        }
        if (raw == null) {
            throw new IllegalArgumentException("the RPC pool configuration is not valid rpc-pool.json: it is null");
        }
        return new Validation().validate(raw);
    }

    private static Jsonb jsonb() {
        try {
            return JsonbBuilder.create(new JsonbConfig()
                    // Yasson's switch (ignored by other JSON-B providers): a misspelt key is an error, not a default.
                    .setProperty("jsonb.fail-on-unknown-properties", true));
        } catch (JsonbException | ServiceConfigurationError e) {
            // Not the configuration's fault: this thread cannot see the JSON-B provider (see RpcLaneConfigSource).
            throw new IllegalStateException("no JSON-B provider is visible from this thread: " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? e.getMessage() : e.getMessage() + " (" + cause.getMessage() + ")";
    }

    /**
     * rpc-pool.json as written (public only because JSON-B binds public types), every field
     * optional so that a missing one gets a message of its own; {@link #parse} validates it.
     */
    public record PoolJson(List<EndpointJson> endpoints, String fallbackStrategy, Long healthCheckInterval,
                           Integer retryAttempts, Integer circuitBreakerThreshold) {
    }

    /** One endpoint as written in rpc-pool.json. */
    public record EndpointJson(String url, Integer priority, Long timeout, Integer maxConcurrentRequests) {
    }

    private static final class Validation {

        private final List<String> problems = new ArrayList<>();

        RpcPoolConfig validate(PoolJson raw) {
            List<Endpoint> endpoints = new ArrayList<>();
            if (raw.endpoints() == null || raw.endpoints().isEmpty()) {
                problems.add("\"endpoints\" must list at least one endpoint {url, priority, timeout, maxConcurrentRequests}");
            } else {
                if (raw.endpoints().size() > RpcLanes.MAX_ENDPOINTS) {
                    problems.add("\"endpoints\" lists " + raw.endpoints().size() + " endpoints but at most "
                            + RpcLanes.MAX_ENDPOINTS + " are supported (one Fault Tolerance lane class each, RpcLane1.."
                            + "RpcLane" + RpcLanes.MAX_ENDPOINTS + "): remove endpoints or add lane classes");
                }
                Map<String, Integer> seen = new HashMap<>();
                for (int i = 0; i < raw.endpoints().size(); i++) {
                    Endpoint endpoint = endpoint(i, raw.endpoints().get(i));
                    if (endpoint == null) {
                        continue;
                    }
                    Integer first = seen.putIfAbsent(sameness(endpoint.url()), i);
                    if (first != null) {
                        problems.add("endpoints[" + i + "].url " + endpoint.url() + " is already endpoints[" + first
                                + "]; each endpoint must be listed once");
                    }
                    endpoints.add(endpoint);
                }
            }
            FallbackStrategy strategy = null;
            if (raw.fallbackStrategy() == null) {
                problems.add("\"fallbackStrategy\" is missing: " + strategies());
            } else {
                strategy = FallbackStrategy.ofJson(raw.fallbackStrategy());
                if (strategy == null) {
                    problems.add("\"fallbackStrategy\" is '" + raw.fallbackStrategy() + "': " + strategies());
                }
            }
            Long interval = positive("healthCheckInterval", raw.healthCheckInterval());
            Integer retries = raw.retryAttempts();
            if (retries == null) {
                problems.add("\"retryAttempts\" is missing (0 or more)");
            } else if (retries < 0) {
                problems.add("\"retryAttempts\" must be 0 or more, got " + retries);
            }
            Long threshold = positive("circuitBreakerThreshold", asLong(raw.circuitBreakerThreshold()));
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("the RPC pool configuration is invalid: " + String.join("; ", problems));
            }
            return new RpcPoolConfig(endpoints, strategy, Duration.ofMillis(interval), retries, threshold.intValue());
        }

        private Endpoint endpoint(int i, EndpointJson raw) {
            String at = "endpoints[" + i + "]";
            if (raw == null) {
                problems.add(at + " is null");
                return null;
            }
            int before = problems.size();
            URI url = url(at, raw.url());
            Long priority = positive(at + ".priority", asLong(raw.priority()));
            Long timeout = positive(at + ".timeout", raw.timeout());
            Long concurrent = positive(at + ".maxConcurrentRequests", asLong(raw.maxConcurrentRequests()));
            if (problems.size() > before) {
                return null;
            }
            return new Endpoint(url, priority.intValue(), Duration.ofMillis(timeout), concurrent.intValue());
        }

        private URI url(String at, String text) {
            if (text == null || text.isBlank()) {
                problems.add(at + ".url is missing");
                return null;
            }
            try {
                URI url = new URI(text.trim());
                String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
                if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
                    problems.add(at + ".url '" + text + "' is not an http:// or https:// URL with a host");
                    return null;
                }
                return url;
            } catch (URISyntaxException e) {
                problems.add(at + ".url '" + text + "' is not a URL: " + e.getReason());
                return null;
            }
        }

        private Long positive(String name, Long value) {
            String quoted = name.contains("[") ? name : "\"" + name + "\"";
            if (value == null) {
                problems.add(quoted + " is missing (a positive number)");
                return null;
            }
            if (value <= 0) {
                problems.add(quoted + " must be positive, got " + value);
                return null;
            }
            return value;
        }

        private static Long asLong(Integer value) {
            return value == null ? null : value.longValue();
        }

        private static String strategies() {
            return "use one of " + Arrays.stream(FallbackStrategy.values()).map(FallbackStrategy::json).toList();
        }

        /** Two spellings of one node (case of scheme and host, a trailing slash) are the same endpoint. */
        private static String sameness(URI url) {
            String path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
            int port = url.getPort() != -1 ? url.getPort() : url.getScheme().equalsIgnoreCase("https") ? 443 : 80;
            return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":" + port
                    + path + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        }
    }
}
