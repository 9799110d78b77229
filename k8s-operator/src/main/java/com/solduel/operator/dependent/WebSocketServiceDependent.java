package com.solduel.operator.dependent;

import com.solduel.operator.customresource.SolDuel;
import com.solduel.operator.desired.SolDuelObjects;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.fabric8.kubernetes.api.model.Service;

/** The seed's websocket-service: NLB, ClientIP affinity for 3600 s. */
@KubernetesDependent(informer = @Informer(labelSelector = SolDuelDependent.SELECTOR))
public class WebSocketServiceDependent extends SolDuelDependent<Service> {

    public WebSocketServiceDependent() {
        super(Service.class, SolDuelObjects.WEBSOCKET);
    }

    @Override
    protected Service build(SolDuel primary, Context<SolDuel> context) {
        return SolDuelObjects.websocketService(primary);
    }
}
