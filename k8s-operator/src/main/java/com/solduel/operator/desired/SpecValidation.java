package com.solduel.operator.desired;

import com.solduel.operator.customresource.SolDuelSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a SolDuel spec as a whole before anything is applied. The CRD's schema already rejects
 * most of these at the API server; this is the same check where no schema runs (an older CRD, a
 * server without validation) plus the rules a schema cannot say (a TLS host needs a secret).
 */
public final class SpecValidation {

    /** One reason a spec is refused: a CamelCase reason for the Degraded condition and a sentence. */
    public record Problem(String reason, String message) {
    }

    private static final Pattern TIME_OF_DAY = Pattern.compile("off|([01][0-9]|2[0-3]):[0-5][0-9]");

    private SpecValidation() {
    }

    public static List<Problem> problems(SolDuelSpec s) {
        List<Problem> problems = new ArrayList<>();
        if (s == null) {
            problems.add(new Problem("SpecMissing", "the SolDuel has no spec"));
            return problems;
        }
        if (s.environment == null) {
            problems.add(new Problem("EnvironmentMissing", "spec.environment must be local, staging or production"));
        }
        if (s.image == null || s.image.isBlank() || s.image.chars().anyMatch(Character::isWhitespace)) {
            problems.add(new Problem("ImageMissing", "spec.image must name the SOL Duel image"));
        }
        replicas(problems, "spec.api.replicas", s.api == null ? null : s.api.replicas);
        replicas(problems, "spec.engine.replicas", s.engine == null ? null : s.engine.replicas);
        if (s.engine != null) {
            positive(problems, "spec.engine.maxConcurrentGames", s.engine.maxConcurrentGames);
            positive(problems, "spec.engine.maxReplicas", s.engine.maxReplicas);
            positive(problems, "spec.engine.maxUnavailable", s.engine.maxUnavailable);
            if (s.engine.targetCpuUtilization == null || s.engine.targetCpuUtilization < 1
                    || s.engine.targetCpuUtilization > 100) {
                problems.add(new Problem("InvalidAutoscaling", "spec.engine.targetCpuUtilization must be 1 to 100"));
            }
        }
        rpcPool(problems, s.rpcPool);
        if (s.database == null || s.database.credentialsSecret == null || blank(s.database.credentialsSecret.name)) {
            problems.add(new Problem("DatabaseSecretMissing",
                    "spec.database.credentialsSecret.name must name the Secret with the database user and password"));
        } else if (blank(s.database.host) && (s.database.cluster == null || !Boolean.TRUE.equals(s.database.cluster.enabled))) {
            problems.add(new Problem("DatabaseHostMissing",
                    "spec.database.host is required unless spec.database.cluster.enabled creates the database"));
        }
        if (s.redis == null || (blank(s.redis.nodes)
                && (s.redis.cluster == null || !Boolean.TRUE.equals(s.redis.cluster.enabled)))) {
            problems.add(new Problem("RedisNodesMissing",
                    "spec.redis.nodes is required unless spec.redis.cluster.enabled creates the Redis cluster"));
        } else if (s.redis.cluster != null && Boolean.TRUE.equals(s.redis.cluster.enabled)
                && (s.redis.cluster.nodes == null || s.redis.cluster.nodes < 6 || s.redis.cluster.nodes % 2 != 0)) {
            problems.add(new Problem("InvalidRedisCluster",
                    "spec.redis.cluster.nodes must be an even number of at least 6 (leaders plus followers)"));
        }
        if (s.ingress != null) {
            ingress(problems, s.ingress);
        }
        if (s.backup == null || s.backup.schedule == null || !TIME_OF_DAY.matcher(s.backup.schedule).matches()
                || s.backup.restoreVerifySchedule == null
                || !TIME_OF_DAY.matcher(s.backup.restoreVerifySchedule).matches()) {
            problems.add(new Problem("InvalidBackupSchedule",
                    "spec.backup.schedule and restoreVerifySchedule must be a time of day HH:MM or off"));
        } else if (blank(s.backup.bucket)) {
            problems.add(new Problem("BackupBucketMissing", "spec.backup.bucket must name the S3 bucket"));
        }
        if (s.keys != null && blank(s.keys.secretName)) {
            problems.add(new Problem("KeysSecretMissing", "spec.keys.secretName must name the Secret with the key files"));
        }
        return problems;
    }

    private static void rpcPool(List<Problem> problems, SolDuelSpec.RpcPool pool) {
        if (pool == null || pool.endpoints == null || pool.endpoints.isEmpty()) {
            problems.add(new Problem("NoRpcEndpoint", "spec.rpcPool.endpoints needs at least one Solana RPC endpoint"));
            return;
        }
        if (pool.endpoints.size() > 5) {
            problems.add(new Problem("TooManyRpcEndpoints", "spec.rpcPool.endpoints holds at most 5 endpoints, got "
                    + pool.endpoints.size()));
        }
        for (int i = 0; i < pool.endpoints.size(); i++) {
            SolDuelSpec.RpcEndpoint e = pool.endpoints.get(i);
            String at = "spec.rpcPool.endpoints[" + i + "]";
            if (e == null || !httpUrl(e.url)) {
                problems.add(new Problem("InvalidRpcEndpoint", at + ".url must be an http:// or https:// URL with a host"));
                continue;
            }
            if (e.priority == null || e.priority < 1 || e.timeout == null || e.timeout < 1
                    || e.maxConcurrentRequests == null || e.maxConcurrentRequests < 1) {
                problems.add(new Problem("InvalidRpcEndpoint",
                        at + ": priority, timeout and maxConcurrentRequests must be positive"));
            }
        }
        if (!"round-robin".equals(pool.fallbackStrategy) && !"priority".equals(pool.fallbackStrategy)) {
            problems.add(new Problem("InvalidRpcPool", "spec.rpcPool.fallbackStrategy must be round-robin or priority"));
        }
        if (pool.healthCheckInterval == null || pool.healthCheckInterval < 1 || pool.retryAttempts == null
                || pool.retryAttempts < 0 || pool.circuitBreakerThreshold == null || pool.circuitBreakerThreshold < 1) {
            problems.add(new Problem("InvalidRpcPool",
                    "spec.rpcPool: healthCheckInterval and circuitBreakerThreshold must be positive, retryAttempts 0 or more"));
        }
    }

    private static void ingress(List<Problem> problems, SolDuelSpec.Ingress in) {
        if (blank(in.apiHost) && blank(in.gameHost)) {
            problems.add(new Problem("IngressHostMissing", "spec.ingress needs apiHost, gameHost or both"));
        }
        List<String> tlsHosts = in.tlsHosts == null ? List.of() : in.tlsHosts;
        if (!tlsHosts.isEmpty() && blank(in.tlsSecret)) {
            problems.add(new Problem("TlsSecretMissing", "spec.ingress.tlsHosts " + tlsHosts
                    + " need spec.ingress.tlsSecret, the Secret holding their certificate"));
        }
        for (String host : tlsHosts) {
            if (!host.equals(in.apiHost) && !host.equals(in.gameHost)) {
                problems.add(new Problem("TlsHostUnknown", "spec.ingress.tlsHosts names " + host
                        + ", which is neither apiHost nor gameHost"));
            }
        }
        if (in.rateLimit == null || in.rateLimit < 1) {
            problems.add(new Problem("InvalidRateLimit", "spec.ingress.rateLimit must be a positive number of requests per second"));
        }
    }

    private static void replicas(List<Problem> problems, String field, Integer replicas) {
        if (replicas == null || replicas < 0) {
            problems.add(new Problem("InvalidReplicas", field + " must be 0 or more, got " + replicas));
        }
    }

    private static void positive(List<Problem> problems, String field, Integer value) {
        if (value == null || value < 1) {
            problems.add(new Problem("InvalidValue", field + " must be positive, got " + value));
        }
    }

    private static boolean httpUrl(String text) {
        if (text == null) {
            return false;
        }
        try {
            URI uri = new URI(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
