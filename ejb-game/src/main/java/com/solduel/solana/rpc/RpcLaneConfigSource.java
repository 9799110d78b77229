package com.solduel.solana.rpc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Derives the MicroProfile Fault Tolerance overrides of every {@link RpcLane} from rpc-pool.json,
 * so that rpc-pool.json stays the single place where an endpoint's timeout, bulkhead and breaker
 * threshold are written. For the n-th endpoint, with {@code L = com.solduel.solana.rpc.RpcLane<n>}:
 * <pre>
 *   L/Timeout/value                       = endpoint timeout (ms)
 *   L/Bulkhead/value                      = maxConcurrentRequests
 *   L/CircuitBreaker/requestVolumeThreshold = circuitBreakerThreshold
 *   L/CircuitBreaker/delay                = solduel.solana.rpc.breaker-delay-ms
 *   L/CircuitBreaker/successThreshold     = solduel.solana.rpc.breaker-success-threshold
 *   com.solduel.solana.rpc.RpcFailover/attempt/Retry/maxRetries = retryAttempts
 * </pre>
 * Each lane value is also published in the per-method form {@code L/send/Timeout/value}: Open
 * Liberty reads the class form for the class-level annotations of {@link RpcLane}, other
 * implementations look at the method form first.
 *
 * <p>The pool settings are read lazily through the application's {@link Config} the first time a
 * lane key is asked for (Fault Tolerance does so when a lane is first used), so the JSON may come
 * from any config source — a server.xml variable, an environment variable, a profile, a file. Keys
 * of this source are never looked up while it resolves itself, so it cannot recurse. Invalid
 * settings yield no keys here; {@link RpcEndpointPool} reports them at start-up.
 */
public class RpcLaneConfigSource implements ConfigSource {

    static final String NAME = "SOL Duel rpc-pool.json -> Fault Tolerance overrides";
    private static final String PREFIX = RpcLane.class.getPackageName() + ".";
    private static final Logger LOG = Logger.getLogger(RpcLaneConfigSource.class.getName());
    private static final ThreadLocal<Boolean> RESOLVING = ThreadLocal.withInitial(() -> false);
    private static final AtomicBoolean LOGGED = new AtomicBoolean();
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private volatile Map<String, String> keys;

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getOrdinal() {
        return DEFAULT_ORDINAL; // a hand-written server.xml variable for one of these keys still wins
    }

    @Override
    public Set<String> getPropertyNames() {
        return keys().keySet();
    }

    @Override
    public Map<String, String> getProperties() {
        return keys();
    }

    @Override
    public String getValue(String propertyName) {
        if (!propertyName.startsWith(PREFIX)) {
            return null; // includes solduel.solana.rpc-pool itself: that lookup must not come back here
        }
        return keys().get(propertyName);
    }

    private Map<String, String> keys() {
        Map<String, String> resolved = keys;
        if (resolved != null) {
            return resolved;
        }
        if (RESOLVING.get()) {
            return Map.of();
        }
        RESOLVING.set(true);
        try {
            Config config = ConfigProvider.getConfig(RpcLaneConfigSource.class.getClassLoader());
            resolved = faultToleranceKeys(RpcPoolSettings.load(name -> config.getOptionalValue(name, String.class)));
        } catch (IllegalArgumentException invalid) {
            if (WARNED.compareAndSet(false, true)) {
                LOG.warning("no Fault Tolerance overrides for the Solana RPC lanes: " + invalid.getMessage());
            }
            return Map.of(); // not cached: the pool fails start-up with the same message
        } catch (RuntimeException | ServiceConfigurationError | LinkageError notNow) {
            // While the application deploys, Config is also consulted on server threads that cannot
            // see the JSON-B provider. Nothing is cached then: Fault Tolerance reads the lane keys
            // again when it builds a lane's policies on its first call, on an application thread.
            LOG.log(Level.FINE, "Solana RPC lane overrides not resolvable on this thread yet", notNow);
            return Map.of();
        } finally {
            RESOLVING.remove();
        }
        keys = resolved;
        if (LOGGED.compareAndSet(false, true)) { // one source per Config instance; say it once
            LOG.info("Fault Tolerance overrides derived from rpc-pool.json: " + resolved);
        }
        return resolved;
    }

    /** The override keys and values for these settings; lanes without an endpoint get none. */
    public static Map<String, String> faultToleranceKeys(RpcPoolSettings settings) {
        Map<String, String> keys = new LinkedHashMap<>();
        RpcPoolConfig pool = settings.pool();
        for (int i = 0; i < pool.endpoints().size(); i++) {
            RpcPoolConfig.Endpoint endpoint = pool.endpoints().get(i);
            String lane = RpcLanes.forEndpoint(i).getName();
            Map<String, String> values = new LinkedHashMap<>();
            values.put("Timeout/value", Long.toString(endpoint.timeout().toMillis()));
            values.put("Bulkhead/value", Integer.toString(endpoint.maxConcurrentRequests()));
            values.put("CircuitBreaker/requestVolumeThreshold", Integer.toString(pool.circuitBreakerThreshold()));
            values.put("CircuitBreaker/delay", Long.toString(settings.breakerDelay().toMillis()));
            values.put("CircuitBreaker/successThreshold", Integer.toString(settings.breakerSuccessThreshold()));
            values.forEach((parameter, value) -> {
                keys.put(lane + "/" + parameter, value);
                keys.put(lane + "/send/" + parameter, value);
            });
        }
        keys.put(RpcFailover.class.getName() + "/attempt/Retry/maxRetries", Integer.toString(pool.retryAttempts()));
        return Collections.unmodifiableMap(keys);
    }
}
