package com.solduel.game.table;

import java.util.Optional;

/**
 * Where a {@link GameTable} makes its facts durable before it acts on them (PostgreSQL in the
 * server, a list in tests). Each call either lands whole or throws; a table whose write failed
 * changes nothing.
 */
public interface TableStore {

    /**
     * Writes one action-log row. Throws {@link LeaseLostException} when this node no longer owns
     * the game (a higher fencing epoch was taken); any other exception means the row may or may
     * not have landed, and the table must be rebuilt from the store before it writes again.
     */
    void append(LogRow row);

    /**
     * Records the decided game's result in one transaction with everything that observes it
     * (ratings now; wagers, ledger, payouts later) and returns the ratings it changed (empty for
     * an abandoned game). If the result had already been recorded by an attempt whose answer was
     * lost, returns what that attempt recorded instead of recording it twice.
     */
    Optional<Settlement> recordResult(GameLog log);
}
