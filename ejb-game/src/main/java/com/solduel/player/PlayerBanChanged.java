package com.solduel.player;

/**
 * A ban was written or lifted (a past fact), fired inside the writing transaction; once it commits,
 * {@link BanBroadcast} tells every node, whose game sockets close the banned player's at once.
 */
public record PlayerBanChanged(WalletAddress wallet, boolean banned) {
}
