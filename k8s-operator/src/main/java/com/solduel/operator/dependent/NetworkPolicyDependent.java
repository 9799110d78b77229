package com.solduel.operator.dependent;

import com.solduel.operator.customresource.SolDuel;
import com.solduel.operator.desired.SolDuelObjects;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

/** Only the player ports reach the app pods (the ops endpoint stays behind port-forward). */
@KubernetesDependent(informer = @Informer(labelSelector = SolDuelDependent.SELECTOR))
public class NetworkPolicyDependent extends SolDuelDependent<NetworkPolicy> {

    public NetworkPolicyDependent() {
        super(NetworkPolicy.class, SolDuelObjects.NETWORK_POLICY);
    }

    @Override
    protected NetworkPolicy build(SolDuel primary, Context<SolDuel> context) {
        return SolDuelObjects.networkPolicy(primary);
    }
}
