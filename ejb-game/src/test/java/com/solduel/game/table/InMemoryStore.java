package com.solduel.game.table;

import com.solduel.game.rules.PerSeat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@link TableStore} in a list, with switches to make its writes fail the ways PostgreSQL can. */
final class InMemoryStore implements TableStore {

    final List<LogRow> rows = new ArrayList<>();
    int results;
    RuntimeException nextAppendFailure;
    RuntimeException nextResultFailure;
    boolean leaseLost;

    @Override
    public void append(LogRow row) {
        if (leaseLost) {
            throw new LeaseLostException(1, 1);
        }
        if (nextAppendFailure != null) {
            RuntimeException failure = nextAppendFailure;
            nextAppendFailure = null;
            throw failure;
        }
        if (row.sequence() != rows.size() + 1) {
            throw new IllegalStateException("duplicate key value violates unique constraint (game, sequence)");
        }
        rows.add(row);
    }

    @Override
    public Optional<Settlement> recordResult(GameLog log) {
        if (nextResultFailure != null) {
            RuntimeException failure = nextResultFailure;
            nextResultFailure = null;
            throw failure;
        }
        results++;
        if (log.match().outcome().orElseThrow().reason().equals("ABANDONED")) {
            return Optional.empty();
        }
        return Optional.of(new Settlement(new PerSeat<>(1016, 984), new PerSeat<>(16, -16)));
    }
}
