package com.solduel.operator;

import com.solduel.operator.reconciler.SolDuelReconciler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;

/** The operator's entry point: watches SolDuel resources in every namespace it may read. */
public final class SolDuelOperator {

    private SolDuelOperator() {
    }

    /**
     * The operator on the given client. Server-side apply is off for dependents and the status: the
     * operator ships the path its tests exercise (the mock API server has no server-side apply).
     */
    public static Operator create(KubernetesClient client, boolean closeClientOnStop) {
        Operator operator = new Operator(o -> o.withKubernetesClient(client)
                .withCloseClientOnStop(closeClientOnStop)
                .withSSABasedCreateUpdateMatchForDependentResources(false)
                .withUseSSAToPatchPrimaryResource(false));
        operator.register(new SolDuelReconciler());
        return operator;
    }

    public static void main(String[] args) {
        Operator operator = create(new KubernetesClientBuilder().build(), true);
        operator.installShutdownHook(java.time.Duration.ofSeconds(10));
        operator.start();
    }
}
