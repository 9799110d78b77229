/**
 * What drives live games on a node: routing a connection's commands to the one writer of a game
 * ({@link com.solduel.game.live.GameHall}), owning games across nodes under a lease and a
 * fencing epoch ({@link com.solduel.game.live.OwnedGames}), their clocks
 * ({@link com.solduel.game.live.GameClocks}), the durable record in PostgreSQL
 * ({@link com.solduel.game.live.GameRecords}) and the Redis mirror
 * ({@link com.solduel.game.live.SessionStore}); reading games without taking them over
 * ({@link com.solduel.game.live.GameReads}); private challenges. The game's own logic is
 * {@code com.solduel.game.table} and the rules are in game-core.
 */
package com.solduel.game.live;
