package com.solduel.operator.dependent;

import com.solduel.operator.customresource.SolDuel;
import com.solduel.operator.desired.SolDuelObjects;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Reconcile preconditions of the optional objects: false removes the object the SolDuel no longer asks for. */
public final class Wanted {

    private Wanted() {
    }

    public static class Ingress implements Condition<HasMetadata, SolDuel> {
        @Override
        public boolean isMet(DependentResource<HasMetadata, SolDuel> d, SolDuel primary, Context<SolDuel> context) {
            return primary.getSpec().ingress != null;
        }
    }

    public static class PostgresCluster implements Condition<HasMetadata, SolDuel> {
        @Override
        public boolean isMet(DependentResource<HasMetadata, SolDuel> d, SolDuel primary, Context<SolDuel> context) {
            return SolDuelObjects.postgresClusterWanted(primary.getSpec());
        }
    }

    public static class RedisCluster implements Condition<HasMetadata, SolDuel> {
        @Override
        public boolean isMet(DependentResource<HasMetadata, SolDuel> d, SolDuel primary, Context<SolDuel> context) {
            return SolDuelObjects.redisClusterWanted(primary.getSpec());
        }
    }
}
