package com.solduel.matchmaking;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A player's place in matchmaking, the hash {@code matchmaking:{wallet}}: which bucket, since when,
 * at what rating, joined over which surface, and, once matched, the game. It expires with the
 * queue entry (300 s after joining); a matched ticket is kept a short while so a client polling
 * over REST learns its game.
 */
public record QueueTicket(String wallet, Bucket bucket, long joinedAtMillis, int rating, Via via,
                          Optional<String> clientSeed, Status status, OptionalLong gameId,
                          Optional<String> matchFrame, OptionalLong disconnectedAtMillis) {

    /** Where the player joined: a WebSocket player leaves the queue when their sockets close. */
    public enum Via { WS, REST }

    public enum Status { QUEUED, MATCHED }

    /** A new ticket for a player joining now. */
    public static QueueTicket queued(String wallet, Bucket bucket, long joinedAtMillis, int rating, Via via,
                                     Optional<String> clientSeed) {
        return new QueueTicket(wallet, bucket, joinedAtMillis, rating, via, clientSeed, Status.QUEUED,
                OptionalLong.empty(), Optional.empty(), OptionalLong.empty());
    }

    /** The ticket's key: the seed's {@code matchmaking:{player}}. */
    public static String key(String wallet) {
        return "matchmaking:{" + wallet + "}";
    }

    Map<String, String> fields() {
        Map<String, String> fields = new HashMap<>();
        fields.put("bucket", bucket.tag());
        fields.put("joinedAt", Long.toString(joinedAtMillis));
        fields.put("rating", Integer.toString(rating));
        fields.put("via", via.name());
        fields.put("status", status.name());
        clientSeed.ifPresent(seed -> fields.put("clientSeed", seed));
        gameId.ifPresent(id -> fields.put("gameId", Long.toString(id)));
        matchFrame.ifPresent(frame -> fields.put("match", frame));
        disconnectedAtMillis.ifPresent(at -> fields.put("disconnectedAt", Long.toString(at)));
        return fields;
    }

    /** The ticket stored in {@code fields}; empty for an empty (absent) or unreadable hash. */
    static Optional<QueueTicket> read(String wallet, Map<String, String> fields) {
        if (fields == null || !fields.containsKey("bucket") || !fields.containsKey("status")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new QueueTicket(wallet, Bucket.parse(fields.get("bucket")),
                    Long.parseLong(fields.get("joinedAt")), Integer.parseInt(fields.get("rating")),
                    Via.valueOf(fields.get("via")), Optional.ofNullable(fields.get("clientSeed")),
                    Status.valueOf(fields.get("status")), optionalLong(fields.get("gameId")),
                    Optional.ofNullable(fields.get("match")), optionalLong(fields.get("disconnectedAt"))));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static OptionalLong optionalLong(String text) {
        return text == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
    }
}
