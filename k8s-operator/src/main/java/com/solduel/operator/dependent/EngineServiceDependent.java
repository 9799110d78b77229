package com.solduel.operator.dependent;

import com.solduel.operator.customresource.SolDuel;
import com.solduel.operator.desired.SolDuelObjects;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.fabric8.kubernetes.api.model.Service;

/** The game-engine Service: the engine pods' metrics port (Prometheus job game-engine). */
@KubernetesDependent(informer = @Informer(labelSelector = SolDuelDependent.SELECTOR))
public class EngineServiceDependent extends SolDuelDependent<Service> {

    public EngineServiceDependent() {
        super(Service.class, SolDuelObjects.ENGINE);
    }

    @Override
    protected Service build(SolDuel primary, Context<SolDuel> context) {
        return SolDuelObjects.engineService(primary);
    }
}
