package com.solduel.matchmaking;

import com.solduel.game.rules.GameType;
import com.solduel.money.Lamports;

/**
 * One queue: players of one game type, staking one wager, rated or not, wait together. Its Redis
 * keys share the hash tag {@code {RPS:0:rated}}, so one bucket lives in one cluster slot and its
 * pairing script may touch all of them.
 */
public record Bucket(GameType gameType, Lamports wager, boolean rated) {

    public Bucket {
        if (gameType == null || wager == null) {
            throw new IllegalArgumentException("a bucket has a game type and a wager");
        }
    }

    /** {@code RPS:0:rated}: how the bucket is named in keys, answers and metrics. */
    public String tag() {
        return gameType.name() + ":" + wager.value() + ":" + (rated ? "rated" : "unrated");
    }

    /** The bucket named by {@link #tag()}. */
    public static Bucket parse(String tag) {
        String[] parts = tag.split(":");
        if (parts.length != 3 || !("rated".equals(parts[2]) || "unrated".equals(parts[2]))) {
            throw new IllegalArgumentException("not a bucket: " + tag);
        }
        return new Bucket(GameType.parse(parts[0]), Lamports.parse(parts[1]), "rated".equals(parts[2]));
    }

    /** Waiting players scored by rating. */
    public String queueKey() {
        return "matchmaking:queue:{" + tag() + "}";
    }

    /** Waiting players scored by the time they joined (epoch ms): who waited longest comes first. */
    public String sinceKey() {
        return queueKey() + ":since";
    }

    /** Pairs taken out of the queue whose game is not made yet (field: match id). */
    public String pendingKey() {
        return queueKey() + ":pending";
    }

    @Override
    public String toString() {
        return tag();
    }
}
