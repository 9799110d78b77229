package com.solduel.operator.reconciler;

import com.solduel.operator.customresource.SolDuel;
import com.solduel.operator.customresource.SolDuelStatus;
import com.solduel.operator.dependent.ApiDeploymentDependent;
import com.solduel.operator.dependent.ApiServiceDependent;
import com.solduel.operator.dependent.ConfigDependent;
import com.solduel.operator.dependent.CrdInstalled;
import com.solduel.operator.dependent.EngineDeploymentDependent;
import com.solduel.operator.dependent.EngineHpaDependent;
import com.solduel.operator.dependent.EnginePdbDependent;
import com.solduel.operator.dependent.EngineServiceDependent;
import com.solduel.operator.dependent.IngressDependent;
import com.solduel.operator.dependent.NetworkPolicyDependent;
import com.solduel.operator.dependent.PostgresClusterDependent;
import com.solduel.operator.dependent.PrometheusRuleDependent;
import com.solduel.operator.dependent.RedisClusterDependent;
import com.solduel.operator.dependent.RpcPoolDependent;
import com.solduel.operator.dependent.ServiceMonitorDependent;
import com.solduel.operator.dependent.Wanted;
import com.solduel.operator.dependent.WebSocketServiceDependent;
import com.solduel.operator.desired.SolDuelObjects;
import com.solduel.operator.desired.SpecValidation;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowReconcileResult;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reconciles a SolDuel: checks the whole spec first and, only when it is valid, brings every owned
 * object to its template (the workflow below, one dependent per object); then reports Ready,
 * Progressing and Degraded. A refused spec changes nothing in the cluster.
 */
@Workflow(explicitInvocation = true, handleExceptionsInReconciler = true, dependents = {
        @Dependent(name = SolDuelObjects.CONFIG, type = ConfigDependent.class),
        @Dependent(name = SolDuelObjects.RPC_CONFIG, type = RpcPoolDependent.class),
        @Dependent(name = "api-gateway-deployment", type = ApiDeploymentDependent.class,
                dependsOn = {SolDuelObjects.CONFIG, SolDuelObjects.RPC_CONFIG}),
        @Dependent(name = "game-engine-deployment", type = EngineDeploymentDependent.class,
                dependsOn = {SolDuelObjects.CONFIG, SolDuelObjects.RPC_CONFIG}),
        @Dependent(name = "api-gateway-service", type = ApiServiceDependent.class),
        @Dependent(name = "game-engine-service", type = EngineServiceDependent.class),
        @Dependent(name = SolDuelObjects.WEBSOCKET, type = WebSocketServiceDependent.class),
        @Dependent(name = SolDuelObjects.INGRESS, type = IngressDependent.class,
                reconcilePrecondition = Wanted.Ingress.class),
        @Dependent(name = SolDuelObjects.NETWORK_POLICY, type = NetworkPolicyDependent.class),
        @Dependent(name = "game-engine-pdb", type = EnginePdbDependent.class),
        @Dependent(name = "game-engine-hpa", type = EngineHpaDependent.class),
        @Dependent(name = SolDuelObjects.SERVICE_MONITOR, type = ServiceMonitorDependent.class,
                activationCondition = CrdInstalled.class),
        @Dependent(name = SolDuelObjects.PROMETHEUS_RULE, type = PrometheusRuleDependent.class,
                activationCondition = CrdInstalled.class),
        @Dependent(name = SolDuelObjects.POSTGRES, type = PostgresClusterDependent.class,
                activationCondition = CrdInstalled.class, reconcilePrecondition = Wanted.PostgresCluster.class),
        @Dependent(name = SolDuelObjects.REDIS, type = RedisClusterDependent.class,
                activationCondition = CrdInstalled.class, reconcilePrecondition = Wanted.RedisCluster.class),
})
@ControllerConfiguration(name = "solduel")
public class SolDuelReconciler implements Reconciler<SolDuel> {

    /** How soon a failed apply is tried again (JOSDK also retries on its own events). */
    static final Duration RETRY_FAILED = Duration.ofSeconds(30);

    private final Clock clock;

    public SolDuelReconciler() {
        this(Clock.systemUTC());
    }

    SolDuelReconciler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public UpdateControl<SolDuel> reconcile(SolDuel sd, Context<SolDuel> context) {
        long generation = Objects.requireNonNullElse(sd.getMetadata().getGeneration(), 0L);
        SolDuelStatus status = sd.getStatus() == null ? new SolDuelStatus() : sd.getStatus();
        sd.setStatus(status);
        status.observedGeneration = generation;

        List<SpecValidation.Problem> problems = SpecValidation.problems(sd.getSpec());
        if (!problems.isEmpty()) {
            String message = problems.stream().map(SpecValidation.Problem::message).collect(Collectors.joining("; "));
            String reason = problems.get(0).reason();
            Conditions.set(status.conditions, Conditions.DEGRADED, true, reason,
                    "spec refused, nothing applied: " + message, generation, clock);
            Conditions.set(status.conditions, Conditions.PROGRESSING, false, "InvalidSpec",
                    "waiting for a valid spec", generation, clock);
            Conditions.set(status.conditions, Conditions.READY, false, "InvalidSpec", message, generation, clock);
            return UpdateControl.patchStatus(sd);
        }

        WorkflowReconcileResult result = context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
        status.endpoints = new SolDuelStatus.Endpoints();
        status.endpoints.api = SolDuelObjects.apiUrl(sd.getSpec());
        status.endpoints.game = SolDuelObjects.gameUrl(sd.getSpec());
        if (result.erroredDependentsExist()) {
            String message = result.getErroredDependents().entrySet().stream()
                    .map(e -> e.getKey().name() + ": " + e.getValue().getMessage())
                    .collect(Collectors.joining("; "));
            Conditions.set(status.conditions, Conditions.DEGRADED, true, "ApplyFailed", message, generation, clock);
            Conditions.set(status.conditions, Conditions.PROGRESSING, true, "Retrying",
                    "applying again in " + RETRY_FAILED.toSeconds() + " s", generation, clock);
            Conditions.set(status.conditions, Conditions.READY, false, "ApplyFailed", message, generation, clock);
            return UpdateControl.patchStatus(sd).rescheduleAfter(RETRY_FAILED);
        }
        Conditions.set(status.conditions, Conditions.DEGRADED, false, "AsExpected",
                "every owned object matches the spec", generation, clock);

        Deployment api = deployment(context, SolDuelObjects.API);
        Deployment engine = deployment(context, SolDuelObjects.ENGINE);
        status.apiReadyReplicas = readyReplicas(api);
        status.engineReadyReplicas = readyReplicas(engine);
        String waiting = waitingFor(api, SolDuelObjects.API) + waitingFor(engine, SolDuelObjects.ENGINE);
        if (waiting.isEmpty()) {
            Conditions.set(status.conditions, Conditions.PROGRESSING, false, "RolloutComplete",
                    "api-gateway and game-engine run their wanted replicas", generation, clock);
            Conditions.set(status.conditions, Conditions.READY, true, "AllReplicasReady",
                    "api-gateway " + status.apiReadyReplicas + ", game-engine " + status.engineReadyReplicas
                            + " pods ready", generation, clock);
        } else {
            Conditions.set(status.conditions, Conditions.PROGRESSING, true, "RollingOut", waiting.trim(), generation, clock);
            Conditions.set(status.conditions, Conditions.READY, false, "PodsNotReady", waiting.trim(), generation, clock);
        }
        return UpdateControl.patchStatus(sd);
    }

    /** The two Deployment informers both see both Deployments: pick by name. */
    private static Deployment deployment(Context<SolDuel> context, String name) {
        return context.getSecondaryResourcesAsStream(Deployment.class)
                .filter(d -> name.equals(d.getMetadata().getName())).findFirst().orElse(null);
    }

    private static int readyReplicas(Deployment d) {
        return d == null || d.getStatus() == null || d.getStatus().getReadyReplicas() == null ? 0
                : d.getStatus().getReadyReplicas();
    }

    private static String waitingFor(Deployment d, String name) {
        int wanted = d == null ? 1 : Objects.requireNonNullElse(d.getSpec().getReplicas(), 1);
        int ready = readyReplicas(d);
        boolean current = d != null && d.getStatus() != null && d.getMetadata().getGeneration() != null
                && d.getMetadata().getGeneration().equals(d.getStatus().getObservedGeneration());
        return ready >= wanted && current ? "" : name + " " + ready + "/" + wanted + " ready; ";
    }
}
