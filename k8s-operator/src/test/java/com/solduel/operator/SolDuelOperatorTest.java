package com.solduel.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.solduel.operator.customresource.SolDuel;
import com.solduel.operator.customresource.SolDuelSpec;
import com.solduel.operator.dependent.CrdInstalled;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.Operator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real {@link Operator} against fabric8's Kubernetes mock API server in CRUD mode (informers,
 * watches, generations and /status work; no controllers and no garbage collector run in it). One
 * operator for the class; each test works in a namespace of its own.
 */
@EnableKubernetesMockClient(crud = true)
class SolDuelOperatorTest {

    static KubernetesClient client;
    static Operator operator;
    private static final AtomicInteger NAMESPACES = new AtomicInteger();
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Every object a full SolDuel owns: kind and name. */
    private static final List<ResourceDefinitionContext> GENERIC = List.of(
            generic("monitoring.coreos.com", "v1", "ServiceMonitor", "servicemonitors"),
            generic("monitoring.coreos.com", "v1", "PrometheusRule", "prometheusrules"),
            generic("postgresql.cnpg.io", "v1", "Cluster", "clusters"),
            generic("redis.redis.opstreelabs.in", "v1beta1", "RedisCluster", "redisclusters"));

    private String ns;

    @BeforeAll
    static void startOperator() throws Exception {
        // The mock logs every request; the operator's own warnings are what a failing test needs.
        java.util.logging.Logger.getLogger("io.fabric8.mockwebserver").setLevel(java.util.logging.Level.WARNING);
        CrdInstalled.forget();
        client.apiextensions().v1().customResourceDefinitions().resource(Serialization.unmarshal(
                Files.readString(Path.of("target/classes/META-INF/fabric8/solduels.solduel.com-v1.yml")),
                CustomResourceDefinition.class)).create();
        // The other operators' kinds: present, as on a cluster with the Prometheus Operator, CNPG and OpsTree.
        for (ResourceDefinitionContext kind : GENERIC) {
            client.apiextensions().v1().customResourceDefinitions().resource(new CustomResourceDefinitionBuilder()
                    .withNewMetadata().withName(kind.getPlural() + "." + kind.getGroup()).endMetadata()
                    .withNewSpec().withGroup(kind.getGroup()).withScope("Namespaced")
                    .withNewNames().withKind(kind.getKind()).withPlural(kind.getPlural()).endNames()
                    .addNewVersion().withName(kind.getVersion()).withServed(true).withStorage(true).endVersion()
                    .endSpec().build()).create();
        }
        operator = SolDuelOperator.create(client, false);
        operator.start();
    }

    @AfterAll
    static void stopOperator() {
        operator.stop();
    }

    @BeforeEach
    void namespace() {
        ns = "sd-" + NAMESPACES.incrementAndGet();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
    }

    // ---- create ----------------------------------------------------------------------------------

    @Test
    void aNewSolDuelGetsEveryObjectOfTheSeedWithTheRightFields() throws Exception {
        SolDuel sd = client.resource(sample()).create();

        Deployment api = await(() -> deployment("api-gateway"));
        Deployment engine = await(() -> deployment("game-engine"));
        assertThat(api.getSpec().getReplicas()).isEqualTo(3);
        assertThat(engine.getSpec().getReplicas()).isEqualTo(5);
        for (Deployment d : List.of(api, engine)) {
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(c.getImage()).isEqualTo("registry.example.com/sol-duel:0.1.0");
            assertThat(c.getPorts()).anySatisfy(p -> {
                assertThat(p.getName()).isEqualTo("http");
                assertThat(p.getContainerPort()).isEqualTo(9080);
            });
            assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health/live");
            assertThat(c.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
            assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/ready");
            assertThat(c.getStartupProbe().getHttpGet().getPath()).isEqualTo("/health/started");
            assertThat(c.getEnvFrom()).extracting(e -> e.getConfigMapRef() == null ? null : e.getConfigMapRef().getName())
                    .contains("sol-duel-config");
            assertThat(c.getEnvFrom()).extracting(e -> e.getSecretRef() == null ? null : e.getSecretRef().getName())
                    .contains("sol-duel-secrets");
            EnvVar password = env(c, "DB_PASSWORD");
            assertThat(password.getValueFrom().getSecretKeyRef().getName()).isEqualTo("sol-duel-postgres-credentials");
            assertThat(password.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("password");
            assertThat(c.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/config/solana"));
            assertThat(d.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
        }
        Container apiContainer = api.getSpec().getTemplate().getSpec().getContainers().get(0);
        Container engineContainer = engine.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(env(apiContainer, "SOLDUEL_NODE_ROLES").getValue()).isEqualTo("api");
        assertThat(env(engineContainer, "SOLDUEL_NODE_ROLES").getValue()).isEqualTo("engine");
        assertThat(apiContainer.getResources().getRequests().get("cpu").toString()).isEqualTo("250m");
        assertThat(engineContainer.getResources().getLimits().get("memory").toString()).isEqualTo("1Gi");

        ConfigMap config = await(() -> configMap("sol-duel-config"));
        assertThat(config.getData()).containsEntry("MP_CONFIG_PROFILE", "production")
                .containsEntry("DB_HOST", "sol-duel-postgres-rw." + ns + ".svc.cluster.local")
                .containsEntry("DB_NAME", "sol_duel")
                .containsEntry("SOLDUEL_GAME_MAX_GAMES_PER_NODE", "100")
                .containsEntry("SOLDUEL_SOLANA_RPC_POOL_FILE", "/config/solana/rpc-pool.json")
                .containsEntry("SOLDUEL_BACKUP_SCHEDULE", "02:00")
                .containsEntry("SOLDUEL_BACKUP_S3_BUCKET", "sol-duel-backups")
                .containsEntry("SOLDUEL_AUTH_URI", "https://game.solduel.com");
        assertThat(config.getData().get("SOLDUEL_REDIS_NODES").split(",")).hasSize(3)
                .allSatisfy(n -> assertThat(n).matches("sol-duel-redis-leader-\\d\\.sol-duel-redis-leader-headless\\." + ns
                        + "\\.svc\\.cluster\\.local:6379"));
        Map<?, ?> pool = rpcPool();
        assertThat((List<?>) pool.get("endpoints")).hasSize(3);
        assertThat(((Map<?, ?>) ((List<?>) pool.get("endpoints")).get(0)).get("url")).isEqualTo("https://api.mainnet-beta.solana.com");
        assertThat(pool.get("fallbackStrategy")).isEqualTo("round-robin");
        assertThat(pool.get("circuitBreakerThreshold")).isEqualTo(5);

        Service ws = await(() -> service("websocket-service"));
        assertThat(ws.getSpec().getType()).isEqualTo("LoadBalancer");
        assertThat(ws.getSpec().getSessionAffinity()).isEqualTo("ClientIP");
        assertThat(ws.getSpec().getSessionAffinityConfig().getClientIP().getTimeoutSeconds()).isEqualTo(3600);
        assertThat(ws.getMetadata().getAnnotations())
                .containsEntry("service.beta.kubernetes.io/aws-load-balancer-type", "nlb")
                .containsEntry("service.beta.kubernetes.io/aws-load-balancer-connection-idle-timeout", "3600");
        assertThat(ws.getSpec().getSelector()).containsEntry("app", "game-engine");
        assertThat(ws.getSpec().getPorts().get(0).getPort()).isEqualTo(80);
        assertThat(await(() -> service("api-gateway")).getSpec().getPorts()).extracting(p -> p.getName())
                .containsExactly("http", "metrics");
        assertThat(await(() -> service("game-engine")).getMetadata().getLabels()).containsEntry("app", "sol-duel");

        Ingress ingress = await(() -> client.network().v1().ingresses().inNamespace(ns).withName("sol-duel-ingress").get());
        assertThat(ingress.getMetadata().getAnnotations())
                .containsEntry("nginx.ingress.kubernetes.io/limit-rps", "100")
                .containsEntry("nginx.ingress.kubernetes.io/ssl-redirect", "true")
                .containsEntry("cert-manager.io/cluster-issuer", "letsencrypt-prod");
        assertThat(ingress.getSpec().getTls().get(0).getSecretName()).isEqualTo("sol-duel-tls");
        assertThat(ingress.getSpec().getTls().get(0).getHosts()).containsExactly("api.solduel.com", "game.solduel.com");
        assertThat(ingress.getSpec().getRules()).extracting(r -> r.getHost() + "->"
                + r.getHttp().getPaths().get(0).getBackend().getService().getName() + ":"
                + r.getHttp().getPaths().get(0).getBackend().getService().getPort().getNumber())
                .containsExactly("api.solduel.com->api-gateway:3000", "game.solduel.com->websocket-service:80");

        NetworkPolicy policy = await(() -> client.network().v1().networkPolicies().inNamespace(ns)
                .withName("sol-duel-player-ports").get());
        assertThat(policy.getSpec().getIngress().get(0).getPorts()).extracting(p -> p.getPort().getIntVal())
                .containsExactly(9080, 9443);

        PodDisruptionBudget pdb = await(() -> client.policy().v1().podDisruptionBudget().inNamespace(ns).withName("game-engine").get());
        assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        HorizontalPodAutoscaler hpa = await(() -> client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(ns)
                .withName("game-engine").get());
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(5);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(10);
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("game-engine");

        GenericKubernetesResource monitor = await(() -> generic(0, "sol-duel-metrics"));
        assertThat(Serialization.asJson(monitor.getAdditionalProperties().get("spec")))
                .contains("\"port\":\"metrics\"").contains("\"path\":\"/metrics\"").contains("\"interval\":\"30s\"");
        GenericKubernetesResource rule = await(() -> generic(1, "sol-duel-alerts"));
        String rules = Serialization.asJson(rule.getAdditionalProperties().get("spec"));
        // Every alert of the one rules file (ops/prometheus/sol-duel.rules.yml) is in the PrometheusRule.
        for (String alert : alertsOfTheRulesFile()) {
            assertThat(rules).contains("\"alert\":\"" + alert + "\"");
        }
        GenericKubernetesResource postgres = await(() -> generic(2, "sol-duel-postgres"));
        Map<?, ?> pgSpec = (Map<?, ?>) postgres.getAdditionalProperties().get("spec");
        assertThat(pgSpec.get("instances")).isEqualTo(3);
        assertThat(Serialization.asJson(pgSpec)).contains("\"max_connections\":\"200\"").contains("\"enablePodMonitor\":true")
                .contains("\"name\":\"sol-duel-postgres-credentials\"");
        GenericKubernetesResource redis = await(() -> generic(3, "sol-duel-redis"));
        Map<?, ?> redisSpec = (Map<?, ?>) redis.getAdditionalProperties().get("spec");
        assertThat(redisSpec.get("clusterSize")).isEqualTo(3);
        assertThat(redisSpec.get("persistenceEnabled")).isEqualTo(true);
        assertThat(((Map<?, ?>) redisSpec.get("redisExporter")).get("enabled")).isEqualTo(true);

        // Owner references: deleting the SolDuel lets Kubernetes' garbage collector remove all of it.
        for (HasMetadata owned : owned()) {
            assertOwnedBy(owned, sd);
        }

        // No controllers run in the mock: the pods come up when the test says so.
        SolDuel progressing = await(() -> withCondition("Progressing", "True"));
        assertThat(condition(progressing, "Ready").getReason()).isEqualTo("PodsNotReady");
        markReady("api-gateway", 3);
        markReady("game-engine", 5);
        SolDuel ready = await(() -> withCondition("Ready", "True"));
        assertThat(ready.getStatus().observedGeneration).isEqualTo(ready.getMetadata().getGeneration());
        assertThat(ready.getStatus().apiReadyReplicas).isEqualTo(3);
        assertThat(ready.getStatus().engineReadyReplicas).isEqualTo(5);
        assertThat(ready.getStatus().endpoints.game).isEqualTo("wss://game.solduel.com/ws/game");
        assertThat(condition(ready, "Degraded").getStatus()).isEqualTo("False");
        assertThat(condition(ready, "Progressing").getStatus()).isEqualTo("False");
        for (String type : List.of("Ready", "Progressing", "Degraded")) {
            Condition c = condition(ready, type);
            assertThat(c.getReason()).isNotBlank();
            assertThat(c.getMessage()).isNotBlank();
            assertThat(c.getLastTransitionTime()).isNotBlank();
            assertThat(c.getObservedGeneration()).isEqualTo(ready.getMetadata().getGeneration());
        }
    }

    // ---- update ----------------------------------------------------------------------------------

    @Test
    void changedReplicasImageAndEndpointsAreAppliedInPlace() throws Exception {
        client.resource(sample()).create();
        Deployment api = await(() -> deployment("api-gateway"));
        Deployment engine = await(() -> deployment("game-engine"));
        ConfigMap pool = await(() -> configMap("solana-rpc-config"));
        String hashBefore = api.getSpec().getTemplate().getMetadata().getAnnotations().get("solduel.com/config-hash");

        edit(sd -> {
            sd.getSpec().api.replicas = 4;
            sd.getSpec().engine.replicas = 7;
            sd.getSpec().image = "registry.example.com/sol-duel:0.2.0";
            sd.getSpec().rpcPool.endpoints = new ArrayList<>(List.of(
                    new SolDuelSpec.RpcEndpoint("https://rpc.example.net/solana", 1, 50)));
        });

        Deployment apiAfter = await(() -> present(deployment("api-gateway"),
                d -> d.getSpec().getReplicas() == 4 && image(d).endsWith(":0.2.0")));
        Deployment engineAfter = await(() -> present(deployment("game-engine"),
                d -> d.getSpec().getReplicas() == 7 && image(d).endsWith(":0.2.0")));
        ConfigMap poolAfter = await(() -> present(configMap("solana-rpc-config"),
                c -> c.getData().get("rpc-pool.json").contains("rpc.example.net")));
        assertThat(apiAfter.getMetadata().getUid()).isEqualTo(api.getMetadata().getUid());
        assertThat(engineAfter.getMetadata().getUid()).isEqualTo(engine.getMetadata().getUid());
        assertThat(poolAfter.getMetadata().getUid()).isEqualTo(pool.getMetadata().getUid());
        assertThat((List<?>) rpcPool().get("endpoints")).hasSize(1);
        // The pods restart to read the new rpc-pool.json.
        assertThat(apiAfter.getSpec().getTemplate().getMetadata().getAnnotations().get("solduel.com/config-hash"))
                .isNotEqualTo(hashBefore);
        assertThat(await(() -> present(client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(ns)
                .withName("game-engine").get(), h -> h.getSpec().getMinReplicas() == 7))).isNotNull();
    }

    @Test
    void theAutoscalersSizeOfTheEngineIsKeptWithinTheSpecsRange() throws Exception {
        client.resource(sample()).create();
        await(() -> deployment("game-engine"));
        // The HorizontalPodAutoscaler scales the engine to 8; the operator must not undo it.
        retryOnConflict(() -> client.apps().deployments().inNamespace(ns).withName("game-engine")
                .edit(d -> {
                    d.getSpec().setReplicas(8);
                    return d;
                }));
        edit(sd -> sd.getSpec().api.replicas = 2); // any change makes the operator reconcile again
        await(() -> present(deployment("api-gateway"), d -> d.getSpec().getReplicas() == 2));
        assertThat(deployment("game-engine").getSpec().getReplicas()).isEqualTo(8);
    }

    // ---- drift -----------------------------------------------------------------------------------

    @Test
    void ownedObjectsDeletedByHandAreRecreated() throws Exception {
        client.resource(sample()).create();
        Service ws = await(() -> service("websocket-service"));
        ConfigMap config = await(() -> configMap("sol-duel-config"));
        Deployment engine = await(() -> deployment("game-engine"));

        client.resource(ws).delete();
        client.resource(config).delete();
        client.resource(engine).delete();

        Service wsAgain = await(() -> present(service("websocket-service"), s -> !s.getMetadata().getUid().equals(ws.getMetadata().getUid())));
        ConfigMap configAgain = await(() -> present(configMap("sol-duel-config"),
                c -> !c.getMetadata().getUid().equals(config.getMetadata().getUid())));
        Deployment engineAgain = await(() -> present(deployment("game-engine"),
                d -> !d.getMetadata().getUid().equals(engine.getMetadata().getUid())));
        assertThat(wsAgain.getSpec().getSessionAffinity()).isEqualTo("ClientIP");
        assertThat(configAgain.getData()).containsEntry("MP_CONFIG_PROFILE", "production");
        assertThat(engineAgain.getSpec().getReplicas()).isEqualTo(5);
    }

    @Test
    void anOwnedObjectEditedByHandIsPutBack() throws Exception {
        client.resource(sample()).create();
        await(() -> service("websocket-service"));
        retryOnConflict(() -> client.services().inNamespace(ns).withName("websocket-service").edit(s -> {
            s.getSpec().setSessionAffinity("None");
            s.getSpec().setSessionAffinityConfig(null);
            return s;
        }));
        Service back = await(() -> present(service("websocket-service"), s -> "ClientIP".equals(s.getSpec().getSessionAffinity())));
        assertThat(back.getSpec().getSessionAffinityConfig().getClientIP().getTimeoutSeconds()).isEqualTo(3600);
    }

    // ---- invalid specs ---------------------------------------------------------------------------

    @Test
    void aSpecWithoutRpcEndpointIsDegradedAndNothingIsApplied() throws Exception {
        SolDuel sd = sample();
        sd.getSpec().rpcPool.endpoints = new ArrayList<>();
        assertRefused(sd, "NoRpcEndpoint", "at least one Solana RPC endpoint");
    }

    @Test
    void negativeReplicasAreDegradedAndNothingIsApplied() throws Exception {
        SolDuel sd = sample();
        sd.getSpec().engine.replicas = -1;
        assertRefused(sd, "InvalidReplicas", "spec.engine.replicas must be 0 or more, got -1");
    }

    @Test
    void aTlsHostWithoutSecretIsDegradedAndNothingIsApplied() throws Exception {
        SolDuel sd = sample();
        sd.getSpec().ingress.tlsSecret = null;
        assertRefused(sd, "TlsSecretMissing", "need spec.ingress.tlsSecret");
    }

    @Test
    void anInvalidChangeToARunningSolDuelChangesNothing() throws Exception {
        client.resource(sample()).create();
        await(() -> deployment("game-engine"));
        Deployment before = await(() -> deployment("api-gateway"));
        ConfigMap poolBefore = await(() -> configMap("solana-rpc-config"));
        // A new image together with an invalid pool: neither half may reach the cluster.
        edit(sd -> {
            sd.getSpec().image = "registry.example.com/sol-duel:0.3.0";
            sd.getSpec().rpcPool.endpoints = new ArrayList<>();
        });
        SolDuel degraded = await(() -> withCondition("Degraded", "True"));
        assertThat(condition(degraded, "Degraded").getReason()).isEqualTo("NoRpcEndpoint");
        assertThat(condition(degraded, "Ready").getStatus()).isEqualTo("False");
        assertThat(degraded.getStatus().observedGeneration).isEqualTo(degraded.getMetadata().getGeneration());
        assertThat(image(deployment("api-gateway"))).endsWith(":0.1.0");
        assertThat(deployment("api-gateway").getMetadata().getResourceVersion()).isEqualTo(before.getMetadata().getResourceVersion());
        assertThat(configMap("solana-rpc-config").getData()).isEqualTo(poolBefore.getData());

        // Fixed: applied, and Degraded clears.
        edit(sd -> sd.getSpec().rpcPool.endpoints = new ArrayList<>(List.of(
                new SolDuelSpec.RpcEndpoint("https://api.mainnet-beta.solana.com", 1, 100))));
        await(() -> present(deployment("api-gateway"), d -> image(d).endsWith(":0.3.0")));
        await(() -> withCondition("Degraded", "False"));
    }

    // ---- delete ----------------------------------------------------------------------------------

    @Test
    void deletingTheSolDuelLeavesItsObjectsToTheGarbageCollector() throws Exception {
        SolDuel sd = client.resource(sample()).create();
        List<HasMetadata> owned = await(() -> present(owned(), all -> all.size() == 15));
        owned.forEach(o -> assertOwnedBy(o, sd));

        client.resource(sd).delete();
        await(() -> client.resources(SolDuel.class).inNamespace(ns).withName("sol-duel").get() == null ? Boolean.TRUE : null);
        // The mock runs no garbage collector: what Kubernetes would delete (every object owned by
        // the SolDuel, controller=true) is deleted here by hand, and the operator must not recreate it.
        owned.forEach(o -> client.resource(o).delete());
        Thread.sleep(1500);
        assertThat(owned()).isEmpty();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private void assertRefused(SolDuel sd, String reason, String messagePart) throws Exception {
        client.resource(sd).create();
        SolDuel degraded = await(() -> withCondition("Degraded", "True"));
        Condition c = condition(degraded, "Degraded");
        assertThat(c.getReason()).isEqualTo(reason);
        assertThat(c.getMessage()).contains(messagePart).startsWith("spec refused, nothing applied");
        assertThat(c.getObservedGeneration()).isEqualTo(degraded.getMetadata().getGeneration());
        assertThat(condition(degraded, "Ready").getStatus()).isEqualTo("False");
        assertThat(condition(degraded, "Progressing").getStatus()).isEqualTo("False");
        // The decision is written after nothing was applied; a moment later there is still nothing.
        Thread.sleep(500);
        assertThat(owned()).isEmpty();
    }

    private SolDuel sample() throws Exception {
        SolDuel sd = Serialization.unmarshal(Files.readString(Path.of("samples/sol-duel.yaml")), SolDuel.class);
        sd.getMetadata().setNamespace(ns);
        return sd;
    }

    private void edit(Consumer<SolDuel> change) throws Exception {
        retryOnConflict(() -> {
            SolDuel current = client.resources(SolDuel.class).inNamespace(ns).withName("sol-duel").get();
            change.accept(current);
            client.resource(current).update();
        });
    }

    /** The mock checks resourceVersion, and the operator writes the status meanwhile: retry on 409. */
    private static void retryOnConflict(Runnable write) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                write.run();
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt > 20) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private void markReady(String name, int replicas) throws Exception {
        retryOnConflict(() -> client.apps().deployments().inNamespace(ns).withName(name).editStatus(d -> {
            d.setStatus(new DeploymentStatusBuilder().withReplicas(replicas).withReadyReplicas(replicas)
                    .withAvailableReplicas(replicas).withObservedGeneration(d.getMetadata().getGeneration()).build());
            return d;
        }));
    }

    private List<HasMetadata> owned() {
        List<HasMetadata> all = new ArrayList<>();
        all.addAll(client.configMaps().inNamespace(ns).withLabel("app.kubernetes.io/managed-by", "sol-duel-operator").list().getItems());
        all.addAll(client.apps().deployments().inNamespace(ns).list().getItems());
        all.addAll(client.services().inNamespace(ns).list().getItems());
        all.addAll(client.network().v1().ingresses().inNamespace(ns).list().getItems());
        all.addAll(client.network().v1().networkPolicies().inNamespace(ns).list().getItems());
        all.addAll(client.policy().v1().podDisruptionBudget().inNamespace(ns).list().getItems());
        all.addAll(client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(ns).list().getItems());
        for (ResourceDefinitionContext kind : GENERIC) {
            all.addAll(client.genericKubernetesResources(kind).inNamespace(ns).list().getItems());
        }
        return all;
    }

    private static void assertOwnedBy(HasMetadata owned, SolDuel sd) {
        assertThat(owned.getMetadata().getOwnerReferences()).as(owned.getKind() + " " + owned.getMetadata().getName())
                .singleElement().satisfies((OwnerReference ref) -> {
                    assertThat(ref.getUid()).isEqualTo(sd.getMetadata().getUid());
                    assertThat(ref.getKind()).isEqualTo("SolDuel");
                    assertThat(ref.getApiVersion()).isEqualTo("solduel.com/v1alpha1");
                });
        assertThat(owned.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "sol-duel-operator");
    }

    private SolDuel withCondition(String type, String status) {
        SolDuel sd = client.resources(SolDuel.class).inNamespace(ns).withName("sol-duel").get();
        if (sd == null || sd.getStatus() == null) {
            return null;
        }
        return sd.getStatus().conditions.stream().anyMatch(c -> type.equals(c.getType()) && status.equals(c.getStatus())
                && Objects.equals(c.getObservedGeneration(), sd.getMetadata().getGeneration())) ? sd : null;
    }

    private static Condition condition(SolDuel sd, String type) {
        return sd.getStatus().conditions.stream().filter(c -> type.equals(c.getType())).findFirst().orElseThrow();
    }

    private Deployment deployment(String name) {
        return client.apps().deployments().inNamespace(ns).withName(name).get();
    }

    private ConfigMap configMap(String name) {
        return client.configMaps().inNamespace(ns).withName(name).get();
    }

    private Service service(String name) {
        return client.services().inNamespace(ns).withName(name).get();
    }

    private GenericKubernetesResource generic(int kind, String name) {
        return client.genericKubernetesResources(GENERIC.get(kind)).inNamespace(ns).withName(name).get();
    }

    private Map<?, ?> rpcPool() {
        return Serialization.unmarshal(configMap("solana-rpc-config").getData().get("rpc-pool.json"), Map.class);
    }

    private static List<String> alertsOfTheRulesFile() throws Exception {
        return Files.readAllLines(Path.of("../ops/prometheus/sol-duel.rules.yml")).stream()
                .filter(l -> l.trim().startsWith("- alert:")).map(l -> l.trim().substring("- alert:".length()).trim())
                .toList();
    }

    private static String image(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }

    private static EnvVar env(Container c, String name) {
        return c.getEnv().stream().filter(e -> name.equals(e.getName())).findFirst().orElseThrow(
                () -> new AssertionError(c.getName() + " has no " + name));
    }

    private static <T> T present(T value, java.util.function.Predicate<T> test) {
        return value != null && test.test(value) ? value : null;
    }

    private static <T> T await(Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not seen within " + WAIT.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }

    private static ResourceDefinitionContext generic(String group, String version, String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }
}
