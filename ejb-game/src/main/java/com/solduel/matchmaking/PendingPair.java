package com.solduel.matchmaking;

/**
 * Two players the pairing script took out of {@code bucket} together, recorded as pending under
 * {@code matchId} until their game exists (or they are put back). {@code first} waited longer.
 */
public record PendingPair(Bucket bucket, String matchId, QueuedPlayer first, QueuedPlayer second) {
}
