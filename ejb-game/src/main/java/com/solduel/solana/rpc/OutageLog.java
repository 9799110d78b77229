package com.solduel.solana.rpc;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Logger;

/** Logs failed calls with their details at most once per period: an outage must not flood the log. */
final class OutageLog {

    private final Logger log;
    private final long periodNanos;
    private final AtomicLong lastReport = new AtomicLong(System.nanoTime() - Long.MAX_VALUE / 2);
    private final AtomicLong suppressed = new AtomicLong();

    OutageLog(Logger log, Duration period) {
        this.log = log;
        this.periodNanos = period.toNanos();
    }

    void report(Supplier<String> message) {
        long now = System.nanoTime();
        long last = lastReport.get();
        if (now - last < periodNanos || !lastReport.compareAndSet(last, now)) {
            suppressed.incrementAndGet();
            return;
        }
        long quiet = suppressed.getAndSet(0);
        log.warning(() -> message.get() + (quiet == 0 ? "" : " (" + quiet + " similar failures not logged)"));
    }
}
