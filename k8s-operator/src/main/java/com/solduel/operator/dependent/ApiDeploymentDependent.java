package com.solduel.operator.dependent;

import com.solduel.operator.customresource.SolDuel;
import com.solduel.operator.desired.SolDuelObjects;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** The api-gateway Deployment (REST). */
@KubernetesDependent(informer = @Informer(labelSelector = SolDuelDependent.SELECTOR))
public class ApiDeploymentDependent extends SolDuelDependent<Deployment> {

    public ApiDeploymentDependent() {
        super(Deployment.class, SolDuelObjects.API);
    }

    @Override
    protected Deployment build(SolDuel primary, Context<SolDuel> context) {
        return SolDuelObjects.apiDeployment(primary);
    }
}
