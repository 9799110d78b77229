package com.solduel.operator.dependent;

import com.solduel.operator.customresource.SolDuel;
import com.solduel.operator.desired.SolDuelObjects;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

/** The seed's sol-duel-ingress: TLS, SSL redirect, the rate limit (only while spec.ingress is set). */
@KubernetesDependent(informer = @Informer(labelSelector = SolDuelDependent.SELECTOR))
public class IngressDependent extends SolDuelDependent<Ingress> {

    public IngressDependent() {
        super(Ingress.class, SolDuelObjects.INGRESS);
    }

    @Override
    protected Ingress build(SolDuel primary, Context<SolDuel> context) {
        return SolDuelObjects.ingress(primary);
    }
}
