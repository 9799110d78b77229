package com.solduel.operator.dependent;

import com.solduel.operator.customresource.SolDuel;
import com.solduel.operator.desired.SolDuelObjects;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The alerting rules of ops/prometheus/sol-duel.rules.yml as a PrometheusRule. */
@KubernetesDependent(informer = @Informer(labelSelector = SolDuelDependent.SELECTOR))
public class PrometheusRuleDependent extends GenericDependent {

    public PrometheusRuleDependent() {
        super("monitoring.coreos.com", "v1", "PrometheusRule", "prometheusrules", SolDuelObjects.PROMETHEUS_RULE);
    }

    @Override
    protected GenericKubernetesResource build(SolDuel primary) {
        return SolDuelObjects.prometheusRule(primary);
    }
}
