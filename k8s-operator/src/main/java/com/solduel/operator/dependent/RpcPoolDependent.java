package com.solduel.operator.dependent;

import com.solduel.operator.customresource.SolDuel;
import com.solduel.operator.desired.SolDuelObjects;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.fabric8.kubernetes.api.model.ConfigMap;

/** The seed's solana-rpc-config: rpc-pool.json. */
@KubernetesDependent(informer = @Informer(labelSelector = SolDuelDependent.SELECTOR))
public class RpcPoolDependent extends SolDuelDependent<ConfigMap> {

    public RpcPoolDependent() {
        super(ConfigMap.class, SolDuelObjects.RPC_CONFIG);
    }

    @Override
    protected ConfigMap build(SolDuel primary, Context<SolDuel> context) {
        return SolDuelObjects.rpcConfig(primary);
    }
}
