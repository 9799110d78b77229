package com.solduel.api.wallet;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;

/** A wallet's on-chain balance: exact lamports, the same in SOL (9 decimals), and the slot it was read at. */
@JsonbPropertyOrder({"wallet", "lamports", "sol", "slot"})
public record WalletBalance(String wallet, long lamports, BigDecimal sol, long slot) {

    private static final int LAMPORTS_PER_SOL_DECIMALS = 9;

    static WalletBalance of(String wallet, long lamports, long slot) {
        return new WalletBalance(wallet, lamports, BigDecimal.valueOf(lamports, LAMPORTS_PER_SOL_DECIMALS), slot);
    }
}
