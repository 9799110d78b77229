package com.solduel.wager;

import com.solduel.shared.SolDuelException.Kind;
import com.solduel.solana.rpc.LandedTransaction;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Whether a landed transaction is the deposit a player owes a game: it succeeded, the player's
 * wallet paid its fee and signed it, its System Program transfers from that wallet to the vault
 * add up to the wager or more, and a Memo instruction carries exactly the game's memo. Returns
 * what the player sent to the vault; refuses with the first rule broken.
 */
public final class DepositCheck {

    public static final String SYSTEM_PROGRAM = "11111111111111111111111111111111";
    /** The SPL Memo program, v2 and v1: either carries the memo. */
    public static final Set<String> MEMO_PROGRAMS = Set.of("MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr",
            "Memo1UhkJRfHyvLMcVucJwxXeuD728EqVDDwQDxFMNo");
    private static final int SYSTEM_TRANSFER = 2;
    private static final int TRANSFER_DATA_BYTES = 12;

    private DepositCheck() {
    }

    /** What a deposit must be. */
    public record Expected(String player, String vault, long wager, String memo) {
    }

    /** The lamports {@code tx} moved from the player to the vault, or a refusal naming what is wrong. */
    public static long verify(LandedTransaction tx, Expected expected) {
        if (!tx.succeeded()) {
            throw refused("deposit-transaction-failed", "transaction " + tx.signature()
                    + " failed on-chain (meta.err is set): nothing was transferred; send a new deposit");
        }
        if (!tx.feePayer().equals(expected.player()) || !tx.signedBy(expected.player())) {
            throw refused("deposit-not-from-your-wallet", "transaction " + tx.signature() + " was paid and signed by "
                    + tx.feePayer() + ", not by your wallet " + expected.player());
        }
        long toVault = 0;
        boolean anyTransfer = false;
        for (LandedTransaction.Instruction instruction : tx.instructions()) {
            if (!SYSTEM_PROGRAM.equals(instruction.programId())) {
                continue;
            }
            byte[] data = instruction.data();
            if (data.length != TRANSFER_DATA_BYTES || instruction.accounts().size() < 2) {
                continue;
            }
            ByteBuffer le = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
            if (le.getInt() != SYSTEM_TRANSFER) {
                continue;
            }
            long lamports = le.getLong();
            String from = instruction.accounts().get(0);
            String to = instruction.accounts().get(1);
            if (!from.equals(expected.player())) {
                continue;
            }
            anyTransfer = true;
            if (to.equals(expected.vault())) {
                if (lamports < 0) { // above 2^63 - 1: no wallet holds that; not a deposit we can account
                    throw refused("deposit-wrong-amount", "transaction " + tx.signature() + " transfers an amount beyond "
                            + Long.MAX_VALUE + " lamports");
                }
                toVault = Math.addExact(toVault, lamports);
            }
        }
        if (toVault == 0) {
            throw refused("deposit-wrong-destination", "transaction " + tx.signature() + (anyTransfer
                    ? " transfers lamports from your wallet, but not to the vault " + expected.vault()
                    : " has no System Program transfer from your wallet") + ": send the deposit to the vault");
        }
        if (toVault < expected.wager()) {
            throw refused("deposit-wrong-amount", "transaction " + tx.signature() + " sends " + toVault
                    + " lamports to the vault; the wager is " + expected.wager() + " lamports");
        }
        byte[] memo = expected.memo().getBytes(StandardCharsets.UTF_8);
        boolean memoFound = tx.instructions().stream()
                .anyMatch(i -> MEMO_PROGRAMS.contains(i.programId()) && Arrays.equals(i.data(), memo));
        if (!memoFound) {
            throw refused("deposit-wrong-memo", "transaction " + tx.signature() + " does not carry the memo '"
                    + expected.memo() + "' that names this game and your wallet");
        }
        return toVault;
    }

    private static WagerRefusedException refused(String code, String message) {
        return new WagerRefusedException(code, Kind.UNPROCESSABLE, message + "; nothing was credited");
    }
}
