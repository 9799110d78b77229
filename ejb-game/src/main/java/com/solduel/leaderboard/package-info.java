/**
 * The leaderboard of each game type (SPEC §6, docs/ratings.md): a Redis sorted set mirrored from
 * {@code player_ratings} after every rated result and rebuilt from PostgreSQL, which stays the
 * truth; reads fall back to PostgreSQL whenever Redis cannot answer.
 */
package com.solduel.leaderboard;
