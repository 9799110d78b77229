package com.solduel.operator.dependent;

import com.solduel.operator.customresource.SolDuel;
import com.solduel.operator.desired.SolDuelObjects;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The seed's OpsTree RedisCluster (only with spec.redis.cluster.enabled). */
@KubernetesDependent(informer = @Informer(labelSelector = SolDuelDependent.SELECTOR))
public class RedisClusterDependent extends GenericDependent {

    public RedisClusterDependent() {
        super("redis.redis.opstreelabs.in", "v1beta1", "RedisCluster", "redisclusters", SolDuelObjects.REDIS);
    }

    @Override
    protected GenericKubernetesResource build(SolDuel primary) {
        return SolDuelObjects.redisCluster(primary);
    }
}
