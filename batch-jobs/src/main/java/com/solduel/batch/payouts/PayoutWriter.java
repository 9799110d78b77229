package com.solduel.batch.payouts;

import com.solduel.payout.PayoutSender;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.logging.Logger;

/** Hands each chunk of payout ids to PayoutSender (sign, record, send, confirm) and keeps the step's totals. */
@Named("payoutWriter")
@Dependent
public class PayoutWriter extends AbstractItemWriter {

    private static final Logger LOG = Logger.getLogger(PayoutWriter.class.getName());

    @Inject
    PayoutSender sender;

    @Inject
    StepContext step;

    @Override
    public void writeItems(List<Object> items) {
        List<Long> ids = items.stream().map(item -> (Long) item).toList();
        PayoutSender.Outcome outcome = sender.process(ids);
        PayoutTotals totals = step.getPersistentUserData() instanceof PayoutTotals t ? t : new PayoutTotals();
        totals.add(outcome);
        step.setPersistentUserData(totals);
        step.setExitStatus(totals.toString());
        // INFO when something moved; a chunk that only waited (e.g. for a refused attempt's blockhash to expire) is FINE.
        boolean moved = outcome.signed() + outcome.sent() + outcome.confirmed() + outcome.failed() + outcome.expired() > 0;
        LOG.log(moved ? java.util.logging.Level.INFO : java.util.logging.Level.FINE,
                () -> "payouts " + ids.get(0) + ".." + ids.get(ids.size() - 1) + ": " + outcome);
    }
}
