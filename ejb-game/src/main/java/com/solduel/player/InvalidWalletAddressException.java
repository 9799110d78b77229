package com.solduel.player;

import com.solduel.shared.SolDuelException;

/** The text given as a wallet address is not a base58-encoded 32-byte Solana public key. */
public class InvalidWalletAddressException extends SolDuelException {

    public InvalidWalletAddressException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "invalid-wallet-address";
    }

    @Override
    public Kind kind() {
        return Kind.INVALID_INPUT;
    }
}
