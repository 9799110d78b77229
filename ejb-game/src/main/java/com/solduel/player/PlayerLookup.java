package com.solduel.player;

/** A player's profile and whether it came from the Redis cache or from PostgreSQL. */
public record PlayerLookup(PlayerProfile profile, boolean fromCache) {

    /** The player's row alone. */
    public PlayerState state() {
        return profile.state();
    }
}
