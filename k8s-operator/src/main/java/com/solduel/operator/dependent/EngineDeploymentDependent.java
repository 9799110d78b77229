package com.solduel.operator.dependent;

import com.solduel.operator.customresource.SolDuel;
import com.solduel.operator.desired.SolDuelObjects;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** The game-engine Deployment; its size is the autoscaler's within the spec's range. */
@KubernetesDependent(informer = @Informer(labelSelector = SolDuelDependent.SELECTOR))
public class EngineDeploymentDependent extends SolDuelDependent<Deployment> {

    public EngineDeploymentDependent() {
        super(Deployment.class, SolDuelObjects.ENGINE);
    }

    @Override
    protected Deployment build(SolDuel primary, Context<SolDuel> context) {
        return SolDuelObjects.engineDeployment(primary, getSecondaryResource(primary, context).map(d -> d.getSpec().getReplicas()).orElse(null));
    }
}
