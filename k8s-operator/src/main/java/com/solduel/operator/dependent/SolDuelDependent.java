package com.solduel.operator.dependent;

import com.solduel.operator.customresource.SolDuel;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * One object the operator owns, built by a template of {@code SolDuelObjects} and marked as managed
 * (the informers watch only marked objects). Told apart from its siblings of the same kind by its
 * fixed name, so deleting it works without building it (a refused or partial spec).
 */
public abstract class SolDuelDependent<R extends HasMetadata> extends CRUDKubernetesDependentResource<R, SolDuel> {

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String OPERATOR = "sol-duel-operator";
    public static final String SELECTOR = MANAGED_BY + "=" + OPERATOR;

    private final String objectName;

    protected SolDuelDependent(Class<R> type, String objectName) {
        super(type);
        this.objectName = objectName;
    }

    protected abstract R build(SolDuel primary, Context<SolDuel> context);

    @Override
    protected R desired(SolDuel primary, Context<SolDuel> context) {
        return managed(build(primary, context));
    }

    @Override
    protected ResourceID targetSecondaryResourceID(SolDuel primary, Context<SolDuel> context) {
        return new ResourceID(objectName, primary.getMetadata().getNamespace());
    }

    static <T extends HasMetadata> T managed(T object) {
        object.getMetadata().getLabels().put(MANAGED_BY, OPERATOR);
        return object;
    }
}
