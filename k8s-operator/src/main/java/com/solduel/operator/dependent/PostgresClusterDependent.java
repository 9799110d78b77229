package com.solduel.operator.dependent;

import com.solduel.operator.customresource.SolDuel;
import com.solduel.operator.desired.SolDuelObjects;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The seed's CloudNativePG Cluster (only with spec.database.cluster.enabled). */
@KubernetesDependent(informer = @Informer(labelSelector = SolDuelDependent.SELECTOR))
public class PostgresClusterDependent extends GenericDependent {

    public PostgresClusterDependent() {
        super("postgresql.cnpg.io", "v1", "Cluster", "clusters", SolDuelObjects.POSTGRES);
    }

    @Override
    protected GenericKubernetesResource build(SolDuel primary) {
        return SolDuelObjects.postgresCluster(primary);
    }
}
