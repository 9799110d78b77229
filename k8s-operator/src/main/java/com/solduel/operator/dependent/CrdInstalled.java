package com.solduel.operator.dependent;

import com.solduel.operator.customresource.SolDuel;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Activates a {@link GenericDependent} only while the cluster knows its kind, so a cluster without
 * the Prometheus Operator (or CloudNativePG, or OpsTree Redis) still gets everything else. The
 * answer is remembered for a while: the CRD is not fetched on every reconcile.
 */
public class CrdInstalled implements Condition<GenericKubernetesResource, SolDuel> {

    static final Duration RECHECK = Duration.ofSeconds(30);
    private static final Map<String, Seen> SEEN = new ConcurrentHashMap<>();

    private record Seen(boolean present, Instant at) {
    }

    @Override
    public boolean isMet(DependentResource<GenericKubernetesResource, SolDuel> dependent, SolDuel primary,
            Context<SolDuel> context) {
        String crd = ((GenericDependent) dependent).crdName();
        Seen seen = SEEN.get(crd);
        if (seen == null || !seen.present() && seen.at().plus(RECHECK).isBefore(Instant.now())) {
            boolean present = context.getClient().apiextensions().v1().customResourceDefinitions().withName(crd).get() != null;
            seen = new Seen(present, Instant.now());
            SEEN.put(crd, seen);
        }
        return seen.present();
    }

    /** Forgets what was seen (tests start each case with a fresh API server). */
    public static void forget() {
        SEEN.clear();
    }
}
