package com.solduel.game.live;

import java.util.Map;

/**
 * A game's public summary ({@code GET /api/games/{id}}): never a pending choice; the server seed
 * only once the game is over. Absent fields are omitted from the JSON.
 *
 * @param status      the database status: CREATED (waiting for an opponent), IN_PROGRESS, COMPLETED, ABORTED
 * @param players     wallet per seat ({@code P2} absent while waiting)
 * @param clientSeeds client seed per seat, shown once fixed
 * @param turn        the turn being played (absent while waiting)
 * @param score       the headline number per seat (rounds won, hit points)
 * @param outcome     {@code P1}, {@code P2}, {@code DRAW} (also for an abandoned game) once over
 * @param reason      why it ended, once over (e.g. KNOCKOUT, FORFEIT, ABANDONED)
 * @param serverSeed  the revealed server seed, once over
 */
public record GameSummary(long gameId, String gameType, int bestOf, String status, Map<String, String> players,
                          Map<String, String> clientSeeds, String serverSeedSha256, Integer turn,
                          Map<String, Integer> score, String outcome, String reason, String serverSeed) {
}
