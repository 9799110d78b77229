/**
 * The end of a game as a seam: {@link com.solduel.game.settlement.GameFinished} is fired inside
 * the JTA transaction that records a result, and each concern that follows from a result
 * observes it in its own package (ratings in {@code com.solduel.rating}; wagers, the ledger,
 * payouts and tournaments next), so the recording itself never grows.
 */
package com.solduel.game.settlement;
