package com.solduel.payout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Crash tests' hook (PayoutCrashIT): with {@code solduel.payouts.crash-test.pause-at} set to one of
 * {@link #POINTS}, the first payouts that reach that point on a first attempt stop there for ten
 * minutes, after a log line naming them, so a test can {@code kill -9} the server at exactly that
 * point. Unset (always, outside those tests) it does nothing.
 */
@ApplicationScoped
public class PayoutCrashPoints {

    /** Between the steps of a first attempt: signed (not recorded), recorded (not sent), sent (not confirmed), confirmed (not marked). */
    public static final List<String> POINTS = List.of("after-sign", "after-record", "after-send", "after-confirm");
    private static final Logger LOG = Logger.getLogger(PayoutCrashPoints.class.getName());

    @Inject
    @ConfigProperty(name = "solduel.payouts.crash-test.pause-at")
    Optional<String> pauseAt;

    /** Stops here for ten minutes when this is the configured point. */
    void reached(String point, List<Long> payoutIds) {
        if (payoutIds.isEmpty() || pauseAt.filter(point::equals).isEmpty()) {
            return;
        }
        LOG.warning("payouts " + payoutIds + " paused at crash point " + point
                + " (solduel.payouts.crash-test.pause-at): kill the server now");
        try {
            Thread.sleep(600_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
