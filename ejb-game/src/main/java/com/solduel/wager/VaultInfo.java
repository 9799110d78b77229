package com.solduel.wager;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The escrow vault and the wager rules of this server ({@code GET /api/vault}). */
@Schema(name = "VaultInfo", description = "Where stakes go, who holds them, and the wager rules",
        requiredProperties = {"address", "custody", "minWagerLamports", "maxWagerLamports", "houseFeeBps",
                "depositSeconds", "finalizedAboveLamports", "memoFormat"})
public record VaultInfo(
        @Schema(description = "The vault's Solana address (base58): deposits are sent here, payouts come from here",
                example = "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T") String address,
        @Schema(description = "Who holds the stakes, in plain words", example = EscrowVault.CUSTODY) String custody,
        @Schema(description = "The smallest wager above 0, in lamports", format = "int64", example = "1000000") long minWagerLamports,
        @Schema(description = "The largest wager, in lamports", format = "int64", example = "100000000000") long maxWagerLamports,
        @Schema(description = "The house fee on a decided pot, in basis points (250 = 2.5%)", format = "int32",
                example = "250") int houseFeeBps,
        @Schema(description = "Seconds both players have to deposit once the second player joined", format = "int64",
                example = "300") long depositSeconds,
        @Schema(description = "Deposits of a wager above this many lamports must be finalized; others confirmed",
                format = "int64", example = "10000000000") long finalizedAboveLamports,
        @Schema(description = "The memo every deposit carries (Memo program, UTF-8)", example = DepositMemo.FORMAT)
        String memoFormat) {
}
