package com.solduel.player;

import com.solduel.solana.Base58;

/** A Solana wallet address: base58 text of a 32-byte Ed25519 public key, validated once here. */
public record WalletAddress(String value) {

    /** Base58 of 32 bytes is 32 to 44 characters long. */
    public static final int MAX_LENGTH = 44;
    private static final int MIN_LENGTH = 32;
    private static final int KEY_BYTES = 32;

    public WalletAddress {
        if (value == null || value.isBlank()) {
            throw new InvalidWalletAddressException("wallet address is missing");
        }
        if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            throw new InvalidWalletAddressException("wallet address must be 32 to 44 base58 characters, got "
                    + value.length());
        }
        byte[] key;
        try {
            key = Base58.decode(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidWalletAddressException("wallet address is not base58: " + e.getMessage());
        }
        if (key.length != KEY_BYTES) {
            throw new InvalidWalletAddressException("wallet address must decode to 32 bytes, got " + key.length);
        }
    }

    /** Parses untrusted text (path parameter, JSON field, JWT subject). */
    public static WalletAddress of(String value) {
        return new WalletAddress(value);
    }

    /** The raw 32-byte public key. */
    public byte[] publicKey() {
        return Base58.decode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
