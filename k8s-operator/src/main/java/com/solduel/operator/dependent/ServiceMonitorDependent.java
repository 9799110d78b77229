package com.solduel.operator.dependent;

import com.solduel.operator.customresource.SolDuel;
import com.solduel.operator.desired.SolDuelObjects;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The seed's ServiceMonitor, from ops/kubernetes/service-monitor.yaml. */
@KubernetesDependent(informer = @Informer(labelSelector = SolDuelDependent.SELECTOR))
public class ServiceMonitorDependent extends GenericDependent {

    public ServiceMonitorDependent() {
        super("monitoring.coreos.com", "v1", "ServiceMonitor", "servicemonitors", SolDuelObjects.SERVICE_MONITOR);
    }

    @Override
    protected GenericKubernetesResource build(SolDuel primary) {
        return SolDuelObjects.serviceMonitor(primary);
    }
}
