package com.solduel.operator.dependent;

import com.solduel.operator.customresource.SolDuel;
import com.solduel.operator.desired.SolDuelObjects;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;

/** The engine's HorizontalPodAutoscaler (CPU). */
@KubernetesDependent(informer = @Informer(labelSelector = SolDuelDependent.SELECTOR))
public class EngineHpaDependent extends SolDuelDependent<HorizontalPodAutoscaler> {

    public EngineHpaDependent() {
        super(HorizontalPodAutoscaler.class, SolDuelObjects.ENGINE);
    }

    @Override
    protected HorizontalPodAutoscaler build(SolDuel primary, Context<SolDuel> context) {
        return SolDuelObjects.engineHpa(primary);
    }
}
