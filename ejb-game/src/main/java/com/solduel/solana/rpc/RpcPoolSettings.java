package com.solduel.solana.rpc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything the pool is configured with: the rpc-pool.json content (inline in MicroProfile Config,
 * or in the file a Kubernetes ConfigMap mounts) and the circuit-breaker timing, which rpc-pool.json
 * does not have. The Fault Tolerance overrides and the pool itself are both derived from this.
 */
public record RpcPoolSettings(RpcPoolConfig pool, Duration breakerDelay, int breakerSuccessThreshold) {

    /** rpc-pool.json as a JSON string. */
    public static final String POOL = "solduel.solana.rpc-pool";
    /** A path to rpc-pool.json; when set it wins over {@link #POOL}. */
    public static final String POOL_FILE = "solduel.solana.rpc-pool-file";
    /** How long an open circuit breaker stays open before it lets a trial request through. */
    public static final String BREAKER_DELAY_MS = "solduel.solana.rpc.breaker-delay-ms";
    /** Consecutive successful trial requests that close a half-open breaker. */
    public static final String BREAKER_SUCCESS_THRESHOLD = "solduel.solana.rpc.breaker-success-threshold";

    /**
     * Reads the settings through {@code config} (a MicroProfile Config lookup: name → value if set);
     * any problem with them is an {@link IllegalArgumentException} naming the setting to fix.
     */
    public static RpcPoolSettings load(Function<String, Optional<String>> config) {
        Optional<String> file = config.apply(POOL_FILE).filter(path -> !path.isBlank());
        RpcPoolConfig pool;
        if (file.isPresent()) {
            pool = parse(file.get(), readFile(file.get()));
        } else {
            pool = parse(POOL, config.apply(POOL).orElseThrow(() -> new IllegalArgumentException(
                    POOL + " is not set: give it the rpc-pool.json content, or set " + POOL_FILE
                            + " to the path of rpc-pool.json")));
        }
        long delay = number(config, BREAKER_DELAY_MS);
        long success = number(config, BREAKER_SUCCESS_THRESHOLD);
        if (success > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(BREAKER_SUCCESS_THRESHOLD + " is too large: " + success);
        }
        return new RpcPoolSettings(pool, Duration.ofMillis(delay), (int) success);
    }

    private static RpcPoolConfig parse(String source, String json) {
        try {
            return RpcPoolConfig.parse(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static String readFile(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(POOL_FILE + " names " + path + ", which cannot be read: " + e, e);
        }
    }

    private static long number(Function<String, Optional<String>> config, String name) {
        String text = config.apply(name).orElseThrow(() -> new IllegalArgumentException(name + " is not set "
                + "(its default lives in ejb-game's META-INF/microprofile-config.properties)"));
        try {
            long value = Long.parseLong(text.trim());
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a positive whole number, got '" + text + "'", e);
        }
    }
}
