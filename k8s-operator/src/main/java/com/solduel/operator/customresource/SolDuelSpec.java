package com.solduel.operator.customresource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.ArrayList;
import java.util.List;

/**
 * What a SOL Duel deployment should look like. Field initializers are the defaults (the seed's
 * values); the CRD's schema rejects the worst mistakes at the API server and {@code SpecValidation}
 * rejects the rest before anything is applied.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SolDuelSpec {

    /** The MicroProfile Config profile the app runs with (SPEC §3). */
    public enum Environment { local, staging, production }

    @Required
    @JsonPropertyDescription("MicroProfile Config profile of the app (mp.config.profile): local, staging or production.")
    public Environment environment = Environment.production;

    @Required
    @Pattern("^\\S+$")
    @JsonPropertyDescription("The SOL Duel image (ops/container/Containerfile), e.g. registry.example.com/sol-duel:0.1.0.")
    public String image;

    @JsonPropertyDescription("Pull policy of the app's containers.")
    public String imagePullPolicy = "IfNotPresent";

    @JsonPropertyDescription("The api-gateway Deployment: REST (solduel.node.roles=api).")
    public Role api = new Role(3);

    @JsonPropertyDescription("The game-engine Deployment: live games and the WebSocket (solduel.node.roles=engine).")
    public Engine engine = new Engine();

    @Required
    @JsonPropertyDescription("The Solana RPC pool, in the seed's rpc-pool.json shape (the solana-rpc-config ConfigMap).")
    public RpcPool rpcPool;

    @Required
    @JsonPropertyDescription("PostgreSQL: where it is and the Secret with its credentials; optionally a CloudNativePG Cluster.")
    public Database database;

    @JsonPropertyDescription("Redis: seed nodes and an optional password Secret; optionally an OpsTree RedisCluster.")
    public Redis redis = new Redis();

    @JsonPropertyDescription("Secret whose keys become environment variables of every app container: KEYSTORE_PASSWORD, "
            + "ADMIN_CENTER_USER, ADMIN_CENTER_PASSWORD, SOLDUEL_JWT_SECRET (the players' token key, at least 32 "
            + "bytes), SOLDUEL_BACKUP_S3_ACCESS_KEY_ID, SOLDUEL_BACKUP_S3_SECRET_ACCESS_KEY.")
    public String appSecret;

    @JsonPropertyDescription("Secret with the key files, mounted read-only at /config/keys.")
    public Keys keys;

    @JsonPropertyDescription("The public Ingress: hosts, TLS and the per-client rate limit.")
    public Ingress ingress;

    @JsonPropertyDescription("The in-app backup job's schedule and store (docs/operations.md).")
    public Backup backup = new Backup();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Role {
        @Min(0)
        @JsonPropertyDescription("Pods of this role.")
        public Integer replicas;

        @JsonPropertyDescription("Container resources (default: the seed's for this role).")
        public ResourceRequirements resources;

        public Role() {
        }

        public Role(int replicas) {
            this.replicas = replicas;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Engine extends Role {
        @Min(1)
        @JsonPropertyDescription("Games one engine pod owns at most (the seed's MAX_CONCURRENT_GAMES; solduel.game.max-games-per-node).")
        public Integer maxConcurrentGames = 100;

        @Min(1)
        @JsonPropertyDescription("HorizontalPodAutoscaler ceiling (its floor is replicas).")
        public Integer maxReplicas = 10;

        @Min(1)
        @Max(100)
        @JsonPropertyDescription("HorizontalPodAutoscaler target average CPU utilisation, percent.")
        public Integer targetCpuUtilization = 70;

        @Min(1)
        @JsonPropertyDescription("PodDisruptionBudget: engine pods that may be down at once (their games move within the lease).")
        public Integer maxUnavailable = 1;

        public Engine() {
            super(5);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class RpcPool {
        @Required
        @Size(min = 1, max = 5)
        @JsonPropertyDescription("RPC endpoints (1 to 5).")
        public List<RpcEndpoint> endpoints = new ArrayList<>();

        @Pattern("^(round-robin|priority)$")
        public String fallbackStrategy = "round-robin";

        @Min(1)
        @JsonPropertyDescription("Milliseconds between health checks of each endpoint.")
        public Long healthCheckInterval = 30000L;

        @Min(0)
        public Integer retryAttempts = 3;

        @Min(1)
        public Integer circuitBreakerThreshold = 5;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class RpcEndpoint {
        @Required
        @Pattern("^https?://\\S+$")
        public String url;

        @Min(1)
        public Integer priority = 1;

        @Min(1)
        @JsonPropertyDescription("Milliseconds.")
        public Integer timeout = 5000;

        @Min(1)
        public Integer maxConcurrentRequests = 100;

        public RpcEndpoint() {
        }

        public RpcEndpoint(String url, int priority, int maxConcurrentRequests) {
            this.url = url;
            this.priority = priority;
            this.maxConcurrentRequests = maxConcurrentRequests;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Database {
        @JsonPropertyDescription("PostgreSQL host (default: the CloudNativePG cluster's read-write service when cluster.enabled).")
        public String host;

        @Min(1)
        @Max(65535)
        public Integer port = 5432;

        public String name = "sol_duel";

        @Required
        @JsonPropertyDescription("Secret with the database user and password (a CloudNativePG basic-auth secret fits).")
        public SecretRef credentialsSecret;

        @JsonPropertyDescription("A CloudNativePG Cluster for the database (needs the CNPG operator).")
        public PostgresCluster cluster;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class SecretRef {
        @Required
        public String name;
        public String usernameKey = "username";
        public String passwordKey = "password";
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class PostgresCluster {
        public Boolean enabled = false;
        @Min(1)
        public Integer instances = 3;
        @JsonPropertyDescription("Owner of the database; must be the user in credentialsSecret (it gets CREATEDB for restore-verify).")
        public String owner = "sol_duel_user";
        public String storageSize = "100Gi";
        public String storageClass;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Redis {
        @JsonPropertyDescription("solduel.redis.nodes: one host:port or a comma list of cluster seed nodes "
                + "(default: the RedisCluster's leaders when cluster.enabled).")
        public String nodes;

        @JsonPropertyDescription("Secret with the Redis password (key `password`), when Redis wants one.")
        public String passwordSecret;

        @JsonPropertyDescription("An OpsTree RedisCluster (needs the OpsTree redis operator).")
        public RedisCluster cluster;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class RedisCluster {
        public Boolean enabled = false;
        @Min(6)
        @JsonPropertyDescription("Redis pods, leaders plus followers, an even number (the seed's 6: 3 leaders, 3 followers).")
        public Integer nodes = 6;
        public String storageSize = "10Gi";
        public String storageClass;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Keys {
        @Required
        public String secretName;
        @JsonPropertyDescription("Key of the escrow vault's keypair (without it: free play only).")
        public String vaultKeypair;
        @JsonPropertyDescription("Key of the payouts' fee payer keypair (without it the vault pays its fees).")
        public String feePayerKeypair;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Ingress {
        @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
        @JsonPropertyDescription("Host routed to the api-gateway (the seed's api.solduel.com).")
        public String apiHost;

        @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
        @JsonPropertyDescription("Host routed to the websocket-service (the seed's game.solduel.com).")
        public String gameHost;

        @JsonPropertyDescription("Hosts served over TLS with tlsSecret.")
        public List<String> tlsHosts = new ArrayList<>();

        @JsonPropertyDescription("Secret with the TLS certificate (kubernetes.io/tls); required when tlsHosts is set.")
        public String tlsSecret;

        @Min(1)
        @JsonPropertyDescription("Requests per second per client address at the ingress (the seed's 100).")
        public Integer rateLimit = 100;

        public String className = "nginx";

        @JsonPropertyDescription("cert-manager ClusterIssuer that issues tlsSecret (annotation), if any.")
        public String clusterIssuer;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Backup {
        @Pattern("^(off|([01][0-9]|2[0-3]):[0-5][0-9])$")
        @JsonPropertyDescription("Time of day (HH:MM, in zone) of the daily in-app backup, or off (the seed's CronJob: 02:00).")
        public String schedule = "02:00";

        @Pattern("^(off|([01][0-9]|2[0-3]):[0-5][0-9])$")
        @JsonPropertyDescription("Time of day of the daily restore-verify job, or off.")
        public String restoreVerifySchedule = "03:00";

        public String zone = "UTC";

        @JsonPropertyDescription("S3 bucket (the seed's sol-duel-backups).")
        public String bucket = "sol-duel-backups";

        @JsonPropertyDescription("S3 endpoint URL, path-style (default: AWS S3 in region, https://s3.<region>.amazonaws.com).")
        public String endpoint;

        public String region = "us-east-1";

        @Min(1)
        @JsonPropertyDescription("Backups kept.")
        public Integer retention = 7;
    }
}
