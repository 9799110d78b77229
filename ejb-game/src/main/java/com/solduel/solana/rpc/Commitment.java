package com.solduel.solana.rpc;

import java.util.Locale;

/** How final a read must be. Sent lower-case, as nodes require (solanaj sends upper-case). */
public enum Commitment {
    PROCESSED, CONFIRMED, FINALIZED;

    /** The JSON-RPC spelling: processed, confirmed, finalized. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
