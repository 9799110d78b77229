package com.solduel.operator.dependent;

import com.solduel.operator.customresource.SolDuel;
import com.solduel.operator.desired.SolDuelObjects;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/** The engine's PodDisruptionBudget. */
@KubernetesDependent(informer = @Informer(labelSelector = SolDuelDependent.SELECTOR))
public class EnginePdbDependent extends SolDuelDependent<PodDisruptionBudget> {

    public EnginePdbDependent() {
        super(PodDisruptionBudget.class, SolDuelObjects.ENGINE);
    }

    @Override
    protected PodDisruptionBudget build(SolDuel primary, Context<SolDuel> context) {
        return SolDuelObjects.enginePdb(primary);
    }
}
