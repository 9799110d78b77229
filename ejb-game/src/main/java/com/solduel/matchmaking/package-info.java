/**
 * Matchmaking (SPEC §6): queues per bucket (game type, wager, rated or not) in Redis, scored by
 * rating; pairing by an atomic Lua script per bucket that every engine node runs; a pair becomes
 * a game through {@code GameRecords.createMatched} and {@code GameHall.startGame}. The pure rules
 * ({@link com.solduel.matchmaking.Bucket}, {@link com.solduel.matchmaking.WideningPolicy}) are
 * plain Java; {@link com.solduel.matchmaking.QueueStore} is the Redis adapter; {@link
 * com.solduel.matchmaking.MatchQueue} and {@link com.solduel.matchmaking.MatchMaker} drive them.
 * Keys and behaviour: docs/matchmaking.md.
 */
package com.solduel.matchmaking;
