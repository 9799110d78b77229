package com.solduel.game.fair;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The server's secret 32-byte seed, kept as lowercase hex.
 *
 * <p>Only its {@link #sha256Hex() commitment} is published while the game runs; the seed
 * itself is revealed when the game ends, so {@link #toString()} never prints it.
 */
public record ServerSeed(String hex) {

    /** Size of a server seed in bytes. */
    public static final int BYTES = 32;

    private static final HexFormat HEX = HexFormat.of();

    /** Validates that {@code hex} is exactly 64 lowercase hex digits. */
    public ServerSeed {
        Objects.requireNonNull(hex, "hex");
        if (hex.length() != BYTES * 2 || !hex.chars().allMatch(ServerSeed::isLowerHexDigit)) {
            throw new IllegalArgumentException("a server seed is 64 lowercase hex digits");
        }
    }

    /** Draws a fresh seed from the given cryptographically strong source. */
    public static ServerSeed generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new ServerSeed(HEX.formatHex(bytes));
    }

    /** Draws a fresh seed from a new {@link SecureRandom}. */
    public static ServerSeed generate() {
        return generate(new SecureRandom());
    }

    /** A copy of the 32 raw seed bytes (the HMAC key). */
    public byte[] bytes() {
        return HEX.parseHex(hex);
    }

    /** The public commitment: lowercase hex SHA-256 of the 32 raw seed bytes (not of the hex text). */
    public String sha256Hex() {
        return HEX.formatHex(sha256(bytes()));
    }

    /** Whether {@code commitmentHex} is this seed's commitment (case-insensitive). */
    public boolean matches(String commitmentHex) {
        return commitmentHex != null && sha256Hex().equalsIgnoreCase(commitmentHex);
    }

    /** Redacted: a seed must not leak through logs before the game ends. */
    @Override
    public String toString() {
        return "ServerSeed[sha256=" + sha256Hex() + "]";
    }

    static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    private static boolean isLowerHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
}
