package com.solduel.game.fair;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A player's contribution to the game's randomness: 1 to 64 printable ASCII characters
 * (0x21–0x7E). ASCII only, so its bytes are unambiguous in every language that re-implements
 * the verifier (no Unicode normalisation questions).
 */
public record ClientSeed(String value) {

    /** Longest accepted client seed, in characters. */
    public static final int MAX_LENGTH = 64;

    /** Validates length and alphabet. */
    public ClientSeed {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a client seed has 1 to " + MAX_LENGTH + " characters");
        }
        if (!value.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
            throw new IllegalArgumentException("a client seed is printable ASCII without spaces");
        }
    }

    /** A random 16-byte hex seed, for a player who did not choose one. */
    public static ClientSeed random(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return new ClientSeed(HexFormat.of().formatHex(bytes));
    }

    @Override
    public String toString() {
        return value;
    }
}
