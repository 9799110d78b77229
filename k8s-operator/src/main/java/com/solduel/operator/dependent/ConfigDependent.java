package com.solduel.operator.dependent;

import com.solduel.operator.customresource.SolDuel;
import com.solduel.operator.desired.SolDuelObjects;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.fabric8.kubernetes.api.model.ConfigMap;

/** The seed's sol-duel-config: the app's configuration as environment variables. */
@KubernetesDependent(informer = @Informer(labelSelector = SolDuelDependent.SELECTOR))
public class ConfigDependent extends SolDuelDependent<ConfigMap> {

    public ConfigDependent() {
        super(ConfigMap.class, SolDuelObjects.CONFIG);
    }

    @Override
    protected ConfigMap build(SolDuel primary, Context<SolDuel> context) {
        return SolDuelObjects.config(primary);
    }
}
