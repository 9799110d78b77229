package com.solduel.solana.rpc;

import com.solduel.shared.SolDuelException;

/** No Solana RPC endpoint could answer: all are unhealthy, their breakers open, or every attempt failed. */
public class SolanaUnavailableException extends SolDuelException {

    public SolanaUnavailableException(String message) {
        super(message);
    }

    public SolanaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "solana-unavailable";
    }

    @Override
    public Kind kind() {
        return Kind.UNAVAILABLE;
    }
}
