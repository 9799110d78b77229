package com.solduel.operator.dependent;

import com.solduel.operator.customresource.SolDuel;
import com.solduel.operator.desired.SolDuelObjects;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.fabric8.kubernetes.api.model.Service;

/** The api-gateway Service: the ingress's backend and the metrics port. */
@KubernetesDependent(informer = @Informer(labelSelector = SolDuelDependent.SELECTOR))
public class ApiServiceDependent extends SolDuelDependent<Service> {

    public ApiServiceDependent() {
        super(Service.class, SolDuelObjects.API);
    }

    @Override
    protected Service build(SolDuel primary, Context<SolDuel> context) {
        return SolDuelObjects.apiService(primary);
    }
}
