package com.solduel.batch.reconciliation;

import com.solduel.game.live.NodeIdentity;
import com.solduel.reconciliation.Reconciler;
import com.solduel.reconciliation.ReconciliationRun;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/** The reconciliation job's one step: {@link Reconciler#run} on this node; its exit status says what it found. */
@Named("reconciliationBatchlet")
@Dependent
public class ReconciliationBatchlet extends AbstractBatchlet {

    @Inject
    Reconciler reconciler;

    @Inject
    NodeIdentity node;

    @Override
    public String process() {
        Optional<ReconciliationRun> run = reconciler.run(node.id());
        return run.map(r -> r.status() + " run=" + r.id() + " drift=" + r.figures().drift() + " scanned=" + r.scanned())
                .orElse("SKIPPED (no vault, or another node holds the lease)");
    }
}
