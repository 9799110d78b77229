package com.solduel.player;

/** A player's state and whether it came from the Redis cache or from PostgreSQL. */
public record PlayerLookup(PlayerState state, boolean fromCache) {
}
