package com.solduel.api.wallet;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A wallet's on-chain balance: exact lamports, the same in SOL (9 decimals), and the slot it was read at. */
@JsonbPropertyOrder({"wallet", "lamports", "sol", "slot"})
@Schema(name = "WalletBalance", description = "A wallet's on-chain balance", requiredProperties = {"wallet", "lamports", "sol", "slot"})
public record WalletBalance(
        @Schema(description = "The wallet (base58)", example = "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T") String wallet,
        @Schema(description = "The balance in lamports", format = "int64", example = "1500000000") long lamports,
        @Schema(description = "The same in SOL, 9 decimals", example = "1.5") BigDecimal sol,
        @Schema(description = "The slot the balance was read at", format = "int64", example = "123456") long slot) {

    private static final int LAMPORTS_PER_SOL_DECIMALS = 9;

    static WalletBalance of(String wallet, long lamports, long slot) {
        return new WalletBalance(wallet, lamports, BigDecimal.valueOf(lamports, LAMPORTS_PER_SOL_DECIMALS), slot);
    }
}
