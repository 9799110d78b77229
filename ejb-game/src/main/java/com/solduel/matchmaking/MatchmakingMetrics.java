package com.solduel.matchmaking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Matchmaking's metrics: {@code sol_duel_matchmaking_queue_size{bucket}} (gauge, as last seen by
 * this node's pairing loop), {@code sol_duel_matchmaking_matches_total{bucket}},
 * {@code sol_duel_matchmaking_wait_seconds{bucket}} (time from joining to the game, histogram) and
 * {@code sol_duel_matchmaking_pairing_seconds} (one pass of the loop over every bucket, timer).
 */
@ApplicationScoped
public class MatchmakingMetrics {

    @Inject
    MetricRegistry registry;

    private final Map<Bucket, AtomicLong> sizes = new ConcurrentHashMap<>();

    private static final Metadata MATCHES = Metadata.builder().withName("sol_duel_matchmaking_matches")
            .withDescription("Matches made (pairs that became a game)").build();
    private static final Metadata WAIT = Metadata.builder().withName("sol_duel_matchmaking_wait")
            .withUnit(MetricUnits.SECONDS).withDescription("Time from joining the queue to the game").build();

    /** Registers a bucket's series (at 0) the first time the loop sees it, so alerts see them before the first match. */
    void register(Bucket bucket) {
        sizes.computeIfAbsent(bucket, b -> {
            AtomicLong size = new AtomicLong();
            Tag tag = new Tag("bucket", b.tag());
            registry.gauge(Metadata.builder().withName("sol_duel_matchmaking_queue_size")
                    .withDescription("Players waiting in a matchmaking bucket").build(), size, AtomicLong::get, tag);
            registry.counter(MATCHES, tag);
            registry.histogram(WAIT, tag);
            return size;
        });
    }

    void queueSize(Bucket bucket, long size) {
        register(bucket);
        sizes.get(bucket).set(size);
    }

    void matched(Bucket bucket, long waitedMillis) {
        register(bucket);
        Tag tag = new Tag("bucket", bucket.tag());
        registry.counter(MATCHES, tag).inc();
        registry.histogram(WAIT, tag).update(Math.round(waitedMillis / 1000.0));
    }

    void pairingPass(Duration took) {
        registry.timer(Metadata.builder().withName("sol_duel_matchmaking_pairing")
                .withDescription("One pass of this node's pairing loop over every bucket").build()).update(took);
    }
}
