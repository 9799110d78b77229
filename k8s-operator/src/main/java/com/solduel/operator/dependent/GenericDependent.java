package com.solduel.operator.dependent;

import com.solduel.operator.customresource.SolDuel;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.GroupVersionKind;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.GenericKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * An owned object of another operator's kind (Prometheus Operator, CloudNativePG, OpsTree Redis),
 * handled as a generic resource so the operator needs none of their model classes. It is only
 * active while its CRD is installed ({@link CrdInstalled}).
 */
public abstract class GenericDependent extends GenericKubernetesDependentResource<SolDuel>
        implements Creator<GenericKubernetesResource, SolDuel>, Updater<GenericKubernetesResource, SolDuel>,
        GarbageCollected<SolDuel> {

    private final String objectName;
    private final String crdName;

    protected GenericDependent(String group, String version, String kind, String plural, String objectName) {
        super(new GroupVersionKind(group, version, kind));
        this.objectName = objectName;
        this.crdName = plural + "." + group;
    }

    /** The CRD that must be installed for this object to be created, e.g. servicemonitors.monitoring.coreos.com. */
    public String crdName() {
        return crdName;
    }

    protected abstract GenericKubernetesResource build(SolDuel primary);

    @Override
    protected GenericKubernetesResource desired(SolDuel primary, Context<SolDuel> context) {
        return SolDuelDependent.managed(build(primary));
    }

    @Override
    protected ResourceID targetSecondaryResourceID(SolDuel primary, Context<SolDuel> context) {
        return new ResourceID(objectName, primary.getMetadata().getNamespace());
    }
}
