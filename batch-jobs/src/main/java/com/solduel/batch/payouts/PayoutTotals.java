package com.solduel.batch.payouts;

import com.solduel.payout.PayoutSender;
import java.io.Serializable;

/** What one execution of the payouts step did, kept with its checkpoint and shown as its exit status. */
public final class PayoutTotals implements Serializable {

    private static final long serialVersionUID = 1L;

    private long claimed;
    private long signed;
    private long sent;
    private long confirmed;
    private long failed;
    private long expired;
    private long waiting;

    void add(PayoutSender.Outcome outcome) {
        claimed += outcome.claimed();
        signed += outcome.signed();
        sent += outcome.sent();
        confirmed += outcome.confirmed();
        failed += outcome.failed();
        expired += outcome.expired();
        waiting += outcome.waiting();
    }

    long confirmed() {
        return confirmed;
    }

    @Override
    public String toString() {
        return "claimed=" + claimed + " signed=" + signed + " sent=" + sent + " confirmed=" + confirmed + " failed=" + failed
                + " expired=" + expired + " waiting=" + waiting;
    }
}
