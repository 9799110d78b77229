package com.solduel.game.fair;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.function.IntToLongFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The game's provably fair random source: every draw is a pure function of the server seed,
 * both client seeds, the turn number and a draw index, so a draw can be recomputed by anyone
 * once the server seed is revealed.
 *
 * <p>Algorithm (version 1, pinned by a known-answer test and documented in {@code docs/games.md}):
 * <pre>
 * message = u32(len(cs1)) ‖ ascii(cs1) ‖ u32(len(cs2)) ‖ ascii(cs2) ‖ u32(turn) ‖ u32(drawIndex) ‖ u32(attempt)
 * word    = first 8 bytes of HMAC-SHA256(key = 32 server-seed bytes, message), unsigned big-endian
 * accept  = word &lt; 2^64 − (2^64 mod bound)   → result = word mod bound
 * otherwise attempt + 1 and hash again (rejection sampling: no modulo bias)
 * </pre>
 * All integers are unsigned 32-bit big-endian; attempt starts at 0.
 *
 * <p>Immutable and thread-safe; a draw never depends on earlier draws, so rules may skip draws
 * they do not need without shifting the others.
 */
public final class FairRng {

    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;
    private final byte[] seedPrefix;

    private FairRng(byte[] serverSeed, byte[] seedPrefix) {
        this.key = new SecretKeySpec(serverSeed, HMAC);
        this.seedPrefix = seedPrefix;
    }

    /** The random source of one game. */
    public static FairRng of(ServerSeed serverSeed, ClientSeed player1, ClientSeed player2) {
        ByteArrayOutputStream prefix = new ByteArrayOutputStream();
        writeString(prefix, player1.value());
        writeString(prefix, player2.value());
        return new FairRng(serverSeed.bytes(), prefix.toByteArray());
    }

    /** A uniform integer in {@code [0, bound)} for draw {@code drawIndex} of turn {@code turn}. */
    public int draw(int turn, int drawIndex, int bound) {
        if (turn < 0 || drawIndex < 0) {
            throw new IllegalArgumentException("turn and draw index are non-negative");
        }
        return uniformBelow(bound, attempt -> word(turn, drawIndex, attempt));
    }

    /** A uniform integer in {@code [min, max]} (both inclusive) for the given draw. */
    public int between(int turn, int drawIndex, int min, int max) {
        if (max < min) {
            throw new IllegalArgumentException("empty range [" + min + ", " + max + "]");
        }
        return min + draw(turn, drawIndex, max - min + 1);
    }

    /** The raw HMAC of one attempt, exposed for known-answer tests and the docs. */
    byte[] hmac(int turn, int drawIndex, int attempt) {
        ByteBuffer message = ByteBuffer.allocate(seedPrefix.length + 12);
        message.put(seedPrefix).putInt(turn).putInt(drawIndex).putInt(attempt);
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(message.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform must provide HmacSHA256", e);
        }
    }

    private long word(int turn, int drawIndex, int attempt) {
        return ByteBuffer.wrap(hmac(turn, drawIndex, attempt), 0, Long.BYTES).getLong();
    }

    /**
     * Rejection sampling over unsigned 64-bit words: words at or above the largest multiple of
     * {@code bound} that fits are thrown away, so every result is exactly equally likely.
     */
    static int uniformBelow(int bound, IntToLongFunction wordForAttempt) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound must be at least 1, was " + bound);
        }
        // 2^64 mod bound, computed as (2^64 - bound) mod bound in unsigned arithmetic.
        long excess = Long.remainderUnsigned(-(long) bound, bound);
        long limit = -excess; // 2^64 - excess, as unsigned; 0 means "no word is rejected"
        for (int attempt = 0; ; attempt++) {
            long word = wordForAttempt.applyAsLong(attempt);
            if (excess == 0 || Long.compareUnsigned(word, limit) < 0) {
                return (int) Long.remainderUnsigned(word, bound);
            }
        }
    }

    private static void writeString(ByteArrayOutputStream out, String ascii) {
        byte[] bytes = ascii.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }
}
