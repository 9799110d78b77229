package com.solduel.solana.rpc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which a call tries the usable endpoints. The first one depends on the fallback
 * strategy; after it, failover goes by priority, then by fewest requests in flight (the seed's
 * {@code selectEndpoint}), then by position in rpc-pool.json.
 */
final class EndpointSelection {

    /** A usable endpoint as seen at selection time. */
    record Candidate(int index, int priority, int activeRequests) {
    }

    private static final Comparator<Candidate> BY_PRIORITY_THEN_LOAD = Comparator
            .comparingInt(Candidate::priority)
            .thenComparingInt(Candidate::activeRequests)
            .thenComparingInt(Candidate::index);

    private EndpointSelection() {
    }

    /**
     * Orders {@code usable} for the call number {@code turn}: with round-robin, successive turns
     * start at successive endpoints (in rpc-pool.json order); with priority, every turn starts at
     * the best priority, the least busy among equals.
     */
    static List<Candidate> order(List<Candidate> usable, RpcPoolConfig.FallbackStrategy strategy, long turn) {
        List<Candidate> ordered = new ArrayList<>(usable);
        ordered.sort(BY_PRIORITY_THEN_LOAD);
        if (strategy == RpcPoolConfig.FallbackStrategy.ROUND_ROBIN && !ordered.isEmpty()) {
            List<Candidate> byPosition = new ArrayList<>(usable);
            byPosition.sort(Comparator.comparingInt(Candidate::index));
            Candidate first = byPosition.get((int) Math.floorMod(turn, (long) byPosition.size()));
            ordered.remove(first);
            ordered.add(0, first);
        }
        return ordered;
    }
}
