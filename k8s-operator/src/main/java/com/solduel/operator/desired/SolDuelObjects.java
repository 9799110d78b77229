package com.solduel.operator.desired;

import com.solduel.operator.customresource.SolDuel;
import com.solduel.operator.customresource.SolDuelSpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The templates: every object of the seed's Kubernetes design, built from one {@link SolDuel}. The
 * operator's dependents and the plain kustomize manifests ({@code ManifestWriter}) both call these,
 * so the two can never differ. Names are the seed's; objects carry no owner references here (the
 * dependents add them).
 */
public final class SolDuelObjects {

    public static final String CONFIG = "sol-duel-config";
    public static final String RPC_CONFIG = "solana-rpc-config";
    public static final String API = "api-gateway";
    public static final String ENGINE = "game-engine";
    public static final String WEBSOCKET = "websocket-service";
    public static final String INGRESS = "sol-duel-ingress";
    public static final String NETWORK_POLICY = "sol-duel-player-ports";
    public static final String SERVICE_MONITOR = "sol-duel-metrics";
    public static final String PROMETHEUS_RULE = "sol-duel-alerts";
    public static final String POSTGRES = "sol-duel-postgres";
    public static final String REDIS = "sol-duel-redis";

    /** The app's player port (server.xml http.port): it also relays /health/* and /metrics. */
    public static final int HTTP_PORT = 9080;
    public static final int HTTPS_PORT = 9443;
    /** The seed's Service ports: api-gateway answers on 3000, the WebSocket service on 80. */
    public static final int API_SERVICE_PORT = 3000;
    public static final int WEBSOCKET_SERVICE_PORT = 80;
    public static final String RPC_POOL_DIR = "/config/solana";
    public static final String KEYS_DIR = "/config/keys";
    public static final String CONFIG_HASH = "solduel.com/config-hash";
    public static final String PART_OF = "app.kubernetes.io/part-of";
    public static final String INSTANCE = "solduel.com/instance";

    private SolDuelObjects() {
    }

    /** Every object this SolDuel asks for, in the order a human would apply them. */
    public static List<HasMetadata> all(SolDuel sd) {
        List<HasMetadata> all = new ArrayList<>(List.of(config(sd), rpcConfig(sd), apiDeployment(sd),
                engineDeployment(sd, null), apiService(sd), engineService(sd), websocketService(sd)));
        if (sd.getSpec().ingress != null) {
            all.add(ingress(sd));
        }
        all.add(networkPolicy(sd));
        all.add(enginePdb(sd));
        all.add(engineHpa(sd));
        all.add(serviceMonitor(sd));
        all.add(prometheusRule(sd));
        if (postgresClusterWanted(sd.getSpec())) {
            all.add(postgresCluster(sd));
        }
        if (redisClusterWanted(sd.getSpec())) {
            all.add(redisCluster(sd));
        }
        return all;
    }

    // ---- config maps -------------------------------------------------------------------------

    /**
     * The seed's sol-duel-config, holding the app's own configuration names as environment variables
     * (MicroProfile Config maps solduel.a.b-c to SOLDUEL_A_B_C); every app container loads it whole.
     */
    public static ConfigMap config(SolDuel sd) {
        SolDuelSpec s = sd.getSpec();
        Map<String, String> data = new TreeMap<>();
        data.put("MP_CONFIG_PROFILE", s.environment.name());
        data.put("DB_HOST", databaseHost(sd));
        data.put("DB_PORT", String.valueOf(s.database.port));
        data.put("DB_NAME", s.database.name);
        String redisNodes = redisNodes(sd);
        if (redisNodes != null) {
            data.put("SOLDUEL_REDIS_NODES", redisNodes);
        }
        data.put("SOLDUEL_SOLANA_RPC_POOL_FILE", RPC_POOL_DIR + "/rpc-pool.json");
        data.put("SOLDUEL_GAME_MAX_GAMES_PER_NODE", String.valueOf(s.engine.maxConcurrentGames));
        SolDuelSpec.Backup b = s.backup;
        data.put("SOLDUEL_BACKUP_SCHEDULE", b.schedule);
        data.put("SOLDUEL_RESTORE_VERIFY_SCHEDULE", b.restoreVerifySchedule);
        data.put("SOLDUEL_BACKUP_SCHEDULE_ZONE", b.zone);
        data.put("SOLDUEL_BACKUP_S3_BUCKET", b.bucket);
        data.put("SOLDUEL_BACKUP_S3_REGION", b.region);
        data.put("SOLDUEL_BACKUP_RETENTION", String.valueOf(b.retention));
        // Always set: the app's own default is the local s3rver on loopback.
        data.put("SOLDUEL_BACKUP_S3_ENDPOINT", b.endpoint != null ? b.endpoint : "https://s3." + b.region + ".amazonaws.com");
        if (s.ingress != null && s.ingress.gameHost != null) {
            String origin = scheme(s, s.ingress.gameHost, "https", "http") + "://" + s.ingress.gameHost;
            data.put("SOLDUEL_AUTH_DOMAIN", s.ingress.gameHost);
            data.put("SOLDUEL_AUTH_URI", origin);
            data.put("SOLDUEL_HTTP_ALLOWED_ORIGINS", origin);
        }
        if (s.keys != null) {
            if (s.keys.vaultKeypair != null) {
                data.put("SOLDUEL_VAULT_KEYPAIR_LOCATION", KEYS_DIR + "/" + s.keys.vaultKeypair);
            }
            if (s.keys.feePayerKeypair != null) {
                data.put("SOLDUEL_PAYOUTS_FEE_PAYER_KEYPAIR_LOCATION", KEYS_DIR + "/" + s.keys.feePayerKeypair);
            }
        }
        return new ConfigMapBuilder().withMetadata(meta(sd, CONFIG, Map.of())).withData(data).build();
    }

    /** The seed's solana-rpc-config: rpc-pool.json, mounted at /config/solana (solduel.solana.rpc-pool-file). */
    public static ConfigMap rpcConfig(SolDuel sd) {
        SolDuelSpec.RpcPool pool = sd.getSpec().rpcPool;
        Map<String, Object> json = new LinkedHashMap<>();
        List<Map<String, Object>> endpoints = new ArrayList<>();
        for (SolDuelSpec.RpcEndpoint e : pool.endpoints) {
            Map<String, Object> endpoint = new LinkedHashMap<>();
            endpoint.put("url", e.url);
            endpoint.put("priority", e.priority);
            endpoint.put("timeout", e.timeout);
            endpoint.put("maxConcurrentRequests", e.maxConcurrentRequests);
            endpoints.add(endpoint);
        }
        json.put("endpoints", endpoints);
        json.put("fallbackStrategy", pool.fallbackStrategy);
        json.put("healthCheckInterval", pool.healthCheckInterval);
        json.put("retryAttempts", pool.retryAttempts);
        json.put("circuitBreakerThreshold", pool.circuitBreakerThreshold);
        String text;
        try {
            text = Serialization.jsonMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ConfigMapBuilder().withMetadata(meta(sd, RPC_CONFIG, Map.of()))
                .withData(Map.of("rpc-pool.json", text)).build();
    }

    // ---- deployments -------------------------------------------------------------------------

    public static Deployment apiDeployment(SolDuel sd) {
        SolDuelSpec.Role role = sd.getSpec().api;
        return deployment(sd, API, "api", role.replicas, resources(role.resources, "250m", "256Mi", "500m", "512Mi"));
    }

    /**
     * The game-engine Deployment. With the HorizontalPodAutoscaler owning its size, {@code
     * currentReplicas} (what the cluster has now) is kept when it lies within the autoscaler's range,
     * so the operator and the autoscaler never fight; null renders the spec's replicas.
     */
    public static Deployment engineDeployment(SolDuel sd, Integer currentReplicas) {
        SolDuelSpec.Engine engine = sd.getSpec().engine;
        int replicas = engine.replicas;
        // Zero stops the engine (the autoscaler leaves a Deployment scaled to zero alone).
        if (currentReplicas != null && replicas > 0) {
            replicas = Math.max(hpaMin(engine), Math.min(hpaMax(engine), currentReplicas));
        }
        return deployment(sd, ENGINE, "engine", replicas, resources(engine.resources, "500m", "512Mi", "1000m", "1Gi"));
    }

    private static Deployment deployment(SolDuel sd, String name, String nodeRole, int replicas,
            ResourceRequirements resources) {
        SolDuelSpec s = sd.getSpec();
        Map<String, String> podLabels = new TreeMap<>(Map.of("app", name, PART_OF, "sol-duel", INSTANCE, sd.getMetadata().getName()));
        List<EnvFromSource> envFrom = new ArrayList<>();
        envFrom.add(new EnvFromSourceBuilder().withNewConfigMapRef(CONFIG, false).build());
        if (s.appSecret != null) {
            envFrom.add(new EnvFromSourceBuilder().withNewSecretRef(s.appSecret, false).build());
        }
        List<EnvVar> env = new ArrayList<>();
        env.add(new EnvVar("SOLDUEL_NODE_ROLES", nodeRole, null));
        env.add(new EnvVarBuilder().withName("SOLDUEL_NODE_ID").withNewValueFrom().withNewFieldRef()
                .withFieldPath("metadata.name").endFieldRef().endValueFrom().build());
        env.add(secretEnv("DB_USER", s.database.credentialsSecret.name, s.database.credentialsSecret.usernameKey));
        env.add(secretEnv("DB_PASSWORD", s.database.credentialsSecret.name, s.database.credentialsSecret.passwordKey));
        if (s.redis.passwordSecret != null) {
            env.add(secretEnv("SOLDUEL_REDIS_PASSWORD", s.redis.passwordSecret, "password"));
        }
        List<Volume> volumes = new ArrayList<>();
        List<VolumeMount> mounts = new ArrayList<>();
        volumes.add(new VolumeBuilder().withName("rpc-pool").withNewConfigMap().withName(RPC_CONFIG).endConfigMap().build());
        mounts.add(new VolumeMountBuilder().withName("rpc-pool").withMountPath(RPC_POOL_DIR).withReadOnly(true).build());
        if (s.keys != null) {
            volumes.add(new VolumeBuilder().withName("keys").withNewSecret().withSecretName(s.keys.secretName)
                    .withDefaultMode(0440).endSecret().build());
            mounts.add(new VolumeMountBuilder().withName("keys").withMountPath(KEYS_DIR).withReadOnly(true).build());
        }
        Container container = new ContainerBuilder()
                .withName(name)
                .withImage(s.image)
                .withImagePullPolicy(s.imagePullPolicy)
                .addNewPort().withName("http").withContainerPort(HTTP_PORT).withProtocol("TCP").endPort()
                .addNewPort().withName("https").withContainerPort(HTTPS_PORT).withProtocol("TCP").endPort()
                .withEnvFrom(envFrom)
                .withEnv(env)
                .withResources(resources)
                // Liberty starts in about a minute: the startup probe holds the seed's liveness probe
                // back until MicroProfile Health says the app started.
                .withStartupProbe(probe("/health/started", 10, 5, 60))
                .withLivenessProbe(probe("/health/live", 30, 10, 3))
                .withReadinessProbe(probe("/health/ready", 5, 5, 3))
                .withVolumeMounts(mounts)
                .withNewSecurityContext().withAllowPrivilegeEscalation(false).withNewCapabilities().withDrop("ALL")
                .endCapabilities().endSecurityContext()
                .build();
        return new DeploymentBuilder()
                .withMetadata(meta(sd, name, Map.of("app", name)))
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector().withMatchLabels(Map.of("app", name)).endSelector()
                .withNewTemplate()
                .withNewMetadata().withLabels(podLabels).withAnnotations(Map.of(CONFIG_HASH, configHash(sd))).endMetadata()
                .withNewSpec()
                .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(1001L).withFsGroup(1001L).endSecurityContext()
                .withContainers(container)
                .withVolumes(volumes)
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    private static Probe probe(String path, int initialDelay, int period, int failureThreshold) {
        return new ProbeBuilder().withNewHttpGet().withPath(path).withPort(new IntOrString("http")).endHttpGet()
                .withInitialDelaySeconds(initialDelay).withPeriodSeconds(period)
                .withFailureThreshold(failureThreshold).build();
    }

    private static EnvVar secretEnv(String name, String secret, String key) {
        return new EnvVarBuilder().withName(name).withNewValueFrom().withNewSecretKeyRef(key, secret, false)
                .endValueFrom().build();
    }

    private static ResourceRequirements resources(ResourceRequirements given, String cpu, String memory,
            String cpuLimit, String memoryLimit) {
        if (given != null) {
            return given;
        }
        return new ResourceRequirementsBuilder()
                .addToRequests("cpu", new Quantity(cpu)).addToRequests("memory", new Quantity(memory))
                .addToLimits("cpu", new Quantity(cpuLimit)).addToLimits("memory", new Quantity(memoryLimit))
                .build();
    }

    /** Changes whenever a config map's content does, so the pods restart to read it. */
    static String configHash(SolDuel sd) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Serialization.asJson(new TreeMap<>(config(sd).getData())).getBytes(StandardCharsets.UTF_8));
            digest.update(Serialization.asJson(new TreeMap<>(rpcConfig(sd).getData())).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- services and ingress ----------------------------------------------------------------

    /** api-gateway: the seed's port 3000 for the ingress, and `metrics` for the ServiceMonitor. */
    public static Service apiService(SolDuel sd) {
        return new ServiceBuilder().withMetadata(meta(sd, API, Map.of("app", "sol-duel")))
                .withNewSpec().withType("ClusterIP").withSelector(Map.of("app", API))
                .addNewPort().withName("http").withPort(API_SERVICE_PORT).withTargetPort(new IntOrString("http"))
                .withProtocol("TCP").endPort()
                .addNewPort().withName("metrics").withPort(HTTP_PORT).withTargetPort(new IntOrString("http"))
                .withProtocol("TCP").endPort()
                .endSpec().build();
    }

    /** game-engine: in-cluster only, so Prometheus scrapes the engine pods as job "game-engine" (GameEngineDown). */
    public static Service engineService(SolDuel sd) {
        return new ServiceBuilder().withMetadata(meta(sd, ENGINE, Map.of("app", "sol-duel")))
                .withNewSpec().withType("ClusterIP").withSelector(Map.of("app", ENGINE))
                .addNewPort().withName("metrics").withPort(HTTP_PORT).withTargetPort(new IntOrString("http"))
                .withProtocol("TCP").endPort()
                .endSpec().build();
    }

    /** The seed's websocket-service: an NLB, ClientIP session affinity for an hour. */
    public static Service websocketService(SolDuel sd) {
        ObjectMeta meta = meta(sd, WEBSOCKET, Map.of());
        meta.setAnnotations(new TreeMap<>(Map.of(
                "service.beta.kubernetes.io/aws-load-balancer-type", "nlb",
                "service.beta.kubernetes.io/aws-load-balancer-connection-idle-timeout", "3600")));
        return new ServiceBuilder().withMetadata(meta)
                .withNewSpec().withType("LoadBalancer").withSessionAffinity("ClientIP")
                .withNewSessionAffinityConfig().withNewClientIP().withTimeoutSeconds(3600).endClientIP()
                .endSessionAffinityConfig()
                .withSelector(Map.of("app", ENGINE))
                .addNewPort().withName("ws").withPort(WEBSOCKET_SERVICE_PORT).withTargetPort(new IntOrString("http"))
                .withProtocol("TCP").endPort()
                .endSpec().build();
    }

    /**
     * The seed's sol-duel-ingress. The seed's rate-limit annotation is not one ingress-nginx knows;
     * limit-rps is its per-client-address limit. WebSocket connections live an hour, like the NLB's.
     */
    public static Ingress ingress(SolDuel sd) {
        SolDuelSpec.Ingress in = sd.getSpec().ingress;
        Map<String, String> annotations = new TreeMap<>();
        annotations.put("nginx.ingress.kubernetes.io/limit-rps", String.valueOf(in.rateLimit));
        annotations.put("nginx.ingress.kubernetes.io/ssl-redirect", String.valueOf(!in.tlsHosts.isEmpty()));
        annotations.put("nginx.ingress.kubernetes.io/proxy-read-timeout", "3600");
        annotations.put("nginx.ingress.kubernetes.io/proxy-send-timeout", "3600");
        if (in.clusterIssuer != null) {
            annotations.put("cert-manager.io/cluster-issuer", in.clusterIssuer);
        }
        ObjectMeta meta = meta(sd, INGRESS, Map.of());
        meta.setAnnotations(annotations);
        List<IngressRule> rules = new ArrayList<>();
        if (in.apiHost != null) {
            rules.add(rule(in.apiHost, API, API_SERVICE_PORT));
        }
        if (in.gameHost != null) {
            rules.add(rule(in.gameHost, WEBSOCKET, WEBSOCKET_SERVICE_PORT));
        }
        IngressBuilder ingress = new IngressBuilder().withMetadata(meta).withNewSpec()
                .withIngressClassName(in.className).withRules(rules).endSpec();
        if (!in.tlsHosts.isEmpty()) {
            ingress.editSpec().addNewTl().withHosts(in.tlsHosts).withSecretName(in.tlsSecret).endTl().endSpec();
        }
        return ingress.build();
    }

    private static IngressRule rule(String host, String service, int port) {
        HTTPIngressPath path = new HTTPIngressPathBuilder().withPath("/").withPathType("Prefix")
                .withNewBackend().withNewService().withName(service).withNewPort().withNumber(port).endPort()
                .endService().endBackend().build();
        return new IngressRuleBuilder().withHost(host).withNewHttp().withPaths(path).endHttp().build();
    }

    /**
     * Only the player ports reach the app pods: the image listens for the ops endpoint (admin
     * center, REST connector) on all interfaces (ops/container), which stays reachable through
     * {@code kubectl port-forward} only.
     */
    public static NetworkPolicy networkPolicy(SolDuel sd) {
        return new NetworkPolicyBuilder().withMetadata(meta(sd, NETWORK_POLICY, Map.of()))
                .withNewSpec()
                .withNewPodSelector().addNewMatchExpression().withKey("app").withOperator("In")
                .withValues(API, ENGINE).endMatchExpression().endPodSelector()
                .withPolicyTypes("Ingress")
                .addNewIngress()
                .addNewPort().withProtocol("TCP").withPort(new IntOrString(HTTP_PORT)).endPort()
                .addNewPort().withProtocol("TCP").withPort(new IntOrString(HTTPS_PORT)).endPort()
                .endIngress()
                .endSpec().build();
    }

    // ---- engine availability -----------------------------------------------------------------

    public static PodDisruptionBudget enginePdb(SolDuel sd) {
        return new PodDisruptionBudgetBuilder().withMetadata(meta(sd, ENGINE, Map.of()))
                .withNewSpec().withMaxUnavailable(new IntOrString(sd.getSpec().engine.maxUnavailable))
                .withNewSelector().withMatchLabels(Map.of("app", ENGINE)).endSelector().endSpec().build();
    }

    public static HorizontalPodAutoscaler engineHpa(SolDuel sd) {
        SolDuelSpec.Engine engine = sd.getSpec().engine;
        return new HorizontalPodAutoscalerBuilder().withMetadata(meta(sd, ENGINE, Map.of()))
                .withNewSpec()
                .withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment").withName(ENGINE).endScaleTargetRef()
                .withMinReplicas(hpaMin(engine)).withMaxReplicas(hpaMax(engine))
                .addNewMetric().withType("Resource").withNewResource().withName("cpu").withNewTarget()
                .withType("Utilization").withAverageUtilization(engine.targetCpuUtilization).endTarget()
                .endResource().endMetric()
                .endSpec().build();
    }

    static int hpaMin(SolDuelSpec.Engine engine) {
        return Math.max(1, engine.replicas);
    }

    static int hpaMax(SolDuelSpec.Engine engine) {
        return Math.max(hpaMin(engine), engine.maxReplicas);
    }

    // ---- monitoring (ops/ is the source) -----------------------------------------------------

    /** ops/kubernetes/service-monitor.yaml, the seed's ServiceMonitor, in this SolDuel's namespace. */
    public static GenericKubernetesResource serviceMonitor(SolDuel sd) {
        GenericKubernetesResource monitor = Serialization.unmarshal(classpath("solduel/ops/service-monitor.yaml"),
                GenericKubernetesResource.class);
        monitor.setMetadata(meta(sd, SERVICE_MONITOR, Map.of("app", "sol-duel")));
        return monitor;
    }

    /** ops/prometheus/sol-duel.rules.yml (the one source of the alerts) as a PrometheusRule. */
    @SuppressWarnings("unchecked")
    public static GenericKubernetesResource prometheusRule(SolDuel sd) {
        Map<String, Object> rules = Serialization.unmarshal(classpath("solduel/ops/sol-duel.rules.yml"), Map.class);
        GenericKubernetesResource rule = new GenericKubernetesResource();
        rule.setApiVersion("monitoring.coreos.com/v1");
        rule.setKind("PrometheusRule");
        rule.setMetadata(meta(sd, PROMETHEUS_RULE, Map.of("app", "sol-duel")));
        rule.setAdditionalProperty("spec", Map.of("groups", rules.get("groups")));
        return rule;
    }

    private static InputStream classpath(String name) {
        InputStream in = SolDuelObjects.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the class path: the build copies it from ops/");
        }
        return in;
    }

    // ---- data layer (optional) ---------------------------------------------------------------

    public static boolean postgresClusterWanted(SolDuelSpec s) {
        return s.database.cluster != null && Boolean.TRUE.equals(s.database.cluster.enabled);
    }

    public static boolean redisClusterWanted(SolDuelSpec s) {
        return s.redis.cluster != null && Boolean.TRUE.equals(s.redis.cluster.enabled);
    }

    static String databaseHost(SolDuel sd) {
        SolDuelSpec.Database db = sd.getSpec().database;
        if (db.host != null) {
            return db.host;
        }
        // CloudNativePG's read-write service.
        return POSTGRES + "-rw." + sd.getMetadata().getNamespace() + ".svc.cluster.local";
    }

    static String redisNodes(SolDuel sd) {
        SolDuelSpec.Redis redis = sd.getSpec().redis;
        if (redis.nodes != null || !redisClusterWanted(sd.getSpec())) {
            return redis.nodes;
        }
        // The OpsTree operator's leader pods, as the production profile lists them.
        List<String> leaders = new ArrayList<>();
        for (int i = 0; i < redis.cluster.nodes / 2; i++) {
            leaders.add(REDIS + "-leader-" + i + "." + REDIS + "-leader-headless." + sd.getMetadata().getNamespace()
                    + ".svc.cluster.local:6379");
        }
        return String.join(",", leaders);
    }

    /** The seed's CloudNativePG Cluster: 3 instances, its parameters, a PodMonitor. */
    public static GenericKubernetesResource postgresCluster(SolDuel sd) {
        SolDuelSpec.Database db = sd.getSpec().database;
        Map<String, Object> parameters = new TreeMap<>(Map.of(
                "max_connections", "200", "shared_buffers", "256MB", "effective_cache_size", "1GB",
                "maintenance_work_mem", "64MB", "checkpoint_completion_target", "0.9", "wal_buffers", "16MB",
                "default_statistics_target", "100", "random_page_cost", "1.1"));
        Map<String, Object> storage = new LinkedHashMap<>();
        storage.put("size", db.cluster.storageSize);
        if (db.cluster.storageClass != null) {
            storage.put("storageClass", db.cluster.storageClass);
        }
        Map<String, Object> initdb = new LinkedHashMap<>();
        initdb.put("database", db.name);
        initdb.put("owner", db.cluster.owner);
        initdb.put("secret", Map.of("name", db.credentialsSecret.name));
        // restore-verify restores into a scratch database it creates (docs/operations.md).
        initdb.put("postInitSQL", List.of("ALTER ROLE " + db.cluster.owner + " CREATEDB"));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("instances", db.cluster.instances);
        spec.put("postgresql", Map.of("parameters", parameters));
        spec.put("bootstrap", Map.of("initdb", initdb));
        spec.put("storage", storage);
        spec.put("monitoring", Map.of("enablePodMonitor", true));
        return generic("postgresql.cnpg.io/v1", "Cluster", meta(sd, POSTGRES, Map.of()), spec);
    }

    /** The seed's OpsTree RedisCluster: 3 leaders and 3 followers, persistence, the exporter. */
    public static GenericKubernetesResource redisCluster(SolDuel sd) {
        SolDuelSpec.RedisCluster rc = sd.getSpec().redis.cluster;
        Map<String, Object> pvc = new LinkedHashMap<>();
        pvc.put("accessModes", List.of("ReadWriteOnce"));
        pvc.put("resources", Map.of("requests", Map.of("storage", rc.storageSize)));
        if (rc.storageClass != null) {
            pvc.put("storageClassName", rc.storageClass);
        }
        Map<String, Object> kubernetesConfig = new LinkedHashMap<>();
        kubernetesConfig.put("image", "quay.io/opstree/redis:v7.0.12");
        kubernetesConfig.put("imagePullPolicy", "IfNotPresent");
        kubernetesConfig.put("resources", new TreeMap<>(Map.of(
                "requests", new TreeMap<>(Map.of("cpu", "100m", "memory", "128Mi")),
                "limits", new TreeMap<>(Map.of("cpu", "500m", "memory", "512Mi")))));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("clusterSize", rc.nodes / 2);
        spec.put("clusterVersion", "v7");
        spec.put("persistenceEnabled", true);
        spec.put("kubernetesConfig", kubernetesConfig);
        spec.put("redisExporter", new TreeMap<>(Map.of("enabled", true, "image", "quay.io/opstree/redis-exporter:1.44.0")));
        spec.put("storage", Map.of("volumeClaimTemplate", Map.of("spec", pvc)));
        return generic("redis.redis.opstreelabs.in/v1beta1", "RedisCluster", meta(sd, REDIS, Map.of()), spec);
    }

    private static GenericKubernetesResource generic(String apiVersion, String kind, ObjectMeta meta,
            Map<String, Object> spec) {
        GenericKubernetesResource r = new GenericKubernetesResource();
        r.setApiVersion(apiVersion);
        r.setKind(kind);
        r.setMetadata(meta);
        r.setAdditionalProperty("spec", spec);
        return r;
    }

    // ---- shared ------------------------------------------------------------------------------

    private static ObjectMeta meta(SolDuel sd, String name, Map<String, String> extraLabels) {
        Map<String, String> labels = new TreeMap<>(extraLabels);
        labels.putIfAbsent(PART_OF, "sol-duel");
        labels.put(INSTANCE, sd.getMetadata().getName());
        return new ObjectMetaBuilder().withName(name).withNamespace(sd.getMetadata().getNamespace())
                .withLabels(labels).build();
    }

    private static String scheme(SolDuelSpec s, String host, String secure, String plain) {
        return s.ingress != null && s.ingress.tlsHosts.contains(host) ? secure : plain;
    }

    /** Where players reach the app, for the status: the ingress hosts. */
    public static String apiUrl(SolDuelSpec s) {
        return s.ingress == null || s.ingress.apiHost == null ? null
                : scheme(s, s.ingress.apiHost, "https", "http") + "://" + s.ingress.apiHost;
    }

    public static String gameUrl(SolDuelSpec s) {
        return s.ingress == null || s.ingress.gameHost == null ? null
                : scheme(s, s.ingress.gameHost, "wss", "ws") + "://" + s.ingress.gameHost + "/ws/game";
    }
}
