/**
 * Wagered games (SPEC §7, docs/money.md): the escrow vault, the limits and the house fee, the
 * deposit each player sends to the vault, its verification on-chain, the deadline, and the
 * refunds owed when a game does not start. The pure rules ({@link com.solduel.wager.DepositCheck},
 * {@link com.solduel.wager.DepositMemo}, {@link com.solduel.wager.WagerLimits}) are plain Java; the
 * beans around them read the chain and write the ledger.
 */
package com.solduel.wager;
