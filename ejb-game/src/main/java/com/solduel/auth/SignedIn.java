package com.solduel.auth;

import com.solduel.player.PlayerState;
import java.time.Instant;
import java.util.Set;

/** The result of a successful sign-in: the bearer token, when it expires, and who it is. */
public record SignedIn(String token, Instant expiresAt, Set<String> groups, PlayerState player) {
}
