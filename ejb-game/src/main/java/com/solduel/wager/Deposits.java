package com.solduel.wager;

import com.solduel.game.live.DepositDesk;
import com.solduel.game.live.GameHall;
import com.solduel.game.table.DepositRequired;
import com.solduel.game.live.GameStatus;
import com.solduel.player.WalletAddress;
import com.solduel.shared.SolDuelException.Kind;
import com.solduel.solana.Base58;
import com.solduel.solana.rpc.Commitment;
import com.solduel.solana.rpc.LandedTransaction;
import com.solduel.solana.rpc.RpcMetrics;
import com.solduel.solana.rpc.SolanaRpc;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * A player's deposit for a wagered game: the instructions (vault, lamports, memo, deadline), and
 * a reported signature verified on-chain through the RPC pool and credited at most once. The chain
 * is read before any lock is taken; {@link DepositBook} then re-checks everything under the game's
 * row lock and writes the credit in one transaction. The game starts once both are in.
 */
@ApplicationScoped
public class Deposits implements DepositDesk {

    private static final Logger LOG = Logger.getLogger(Deposits.class.getName());
    private static final int SIGNATURE_BYTES = 64;
    private static final String UNIQUE_VIOLATION = "23505";
    /** The {@code type} and {@code status} tags of {@code sol_duel_blockchain_transactions_total} for deposits. */
    private static final String DEPOSIT = "deposit";
    private static final String CREDITED = "credited";
    private static final String REFUSED = "refused";

    @EJB
    DepositBook book;

    @Inject
    EscrowVault vault;

    @Inject
    WagerSettings settings;

    @Inject
    SolanaRpc solana;

    @Inject
    GameHall hall;

    @Inject
    RpcMetrics metrics;

    /** What {@code wallet} must send for {@code gameId}, and where the game's deposits stand. */
    public DepositInstructions instructions(long gameId, WalletAddress wallet) {
        DepositBook.Stake stake = seated(gameId, wallet);
        if (stake.wager() == 0) {
            throw new WagerRefusedException("game-not-wagered", Kind.CONFLICT, "game " + gameId
                    + " is free play: it takes no deposits");
        }
        if (stake.status() == GameStatus.CREATED) {
            throw new WagerRefusedException("deposits-not-open", Kind.CONFLICT, "game " + gameId
                    + " waits for its second player: deposits open when both players are seated");
        }
        int me = stake.playerOf(wallet.value()).orElseThrow();
        boolean mine = stake.depositedBy().contains(me);
        return new DepositInstructions(gameId, stake.status().name(), vault.address(), stake.wager(),
                DepositMemo.of(gameId, wallet.value()), stake.deadline(), mine,
                stake.depositedBy().size() - (mine ? 1 : 0) > 0);
    }

    @Override
    public DepositRequired depositRequired(long gameId, String wallet) {
        DepositInstructions i = instructions(gameId, WalletAddress.of(wallet));
        return new DepositRequired(gameId, i.vault(), i.lamports(), i.memo(), i.deadline().toEpochMilli(), i.deposited(),
                i.opponentDeposited());
    }

    /**
     * Verifies the transaction {@code signature} as {@code wallet}'s deposit for {@code gameId} and
     * credits it; starts the game when it is the second. Every refusal credits nothing.
     */
    public DepositCredited report(long gameId, WalletAddress wallet, String signature) {
        requireSignatureSyntax(signature);
        DepositBook.Stake stake = seated(gameId, wallet);
        book.refuseCreditedSignature(signature);
        DepositBook.requireOpen(stake);
        int playerId = stake.playerOf(wallet.value()).orElseThrow();
        if (stake.depositedBy().contains(playerId)) {
            throw new WagerRefusedException("deposit-already-made", Kind.CONFLICT, "your deposit for game " + gameId
                    + " is credited already; this transaction was not credited");
        }
        Commitment commitment = settings.commitmentFor(stake.wager());
        LandedTransaction tx = solana.getLandedTransaction(signature, commitment).orElseThrow(() ->
                new WagerRefusedException("deposit-not-confirmed", Kind.CONFLICT, "transaction " + signature
                        + " is not " + commitment.wire() + " on-chain (yet): report it again in a few seconds "
                        + "(before the deadline " + stake.deadline() + "); nothing was credited"));
        String address = vault.address();
        long lamports;
        try {
            lamports = DepositCheck.verify(tx, new DepositCheck.Expected(wallet.value(), address, stake.wager(),
                    DepositMemo.of(gameId, wallet.value())));
        } catch (WagerRefusedException refused) {
            metrics.transaction(DEPOSIT, REFUSED);
            throw refused;
        }
        GameStatus status;
        try {
            status = book.credit(new DepositBook.VerifiedDeposit(gameId, playerId, wallet.value(), signature, lamports,
                    tx.slot(), commitment.wire()));
        } catch (RuntimeException e) {
            if (uniqueViolation(e)) {
                // Another request credited this signature (or this player's deposit) at the same moment.
                throw new WagerRefusedException("deposit-already-credited", Kind.CONFLICT, "transaction " + signature
                        + " or your deposit for game " + gameId + " was credited by a concurrent request; nothing more was credited");
            }
            throw e;
        }
        metrics.transaction(DEPOSIT, CREDITED);
        LOG.info(() -> "deposit " + signature + " of " + lamports + " lamports credited to game " + gameId + " for " + wallet.value());
        // Before the start, so its followers hear the credit before game_started.
        hall.depositCredited(gameId, wallet.value(), lamports, status);
        if (status == GameStatus.IN_PROGRESS) {
            try {
                hall.startGame(gameId);
            } catch (RuntimeException e) {
                // The credit is committed and the game is IN_PROGRESS: a node with room adopts it (orphan sweep).
                LOG.log(java.util.logging.Level.WARNING, "game " + gameId + " has both deposits but was not started here; "
                        + "a node with room adopts it: " + e);
            }
        }
        return new DepositCredited(gameId, signature, lamports, lamports - stake.wager(), commitment.wire(), status.name());
    }

    private DepositBook.Stake seated(long gameId, WalletAddress wallet) {
        DepositBook.Stake stake = book.stake(gameId).orElseThrow(() ->
                new WagerRefusedException("game-not-found", Kind.NOT_FOUND, "no game " + gameId));
        if (stake.playerOf(wallet.value()).isEmpty()) {
            throw new WagerRefusedException("not-your-game", Kind.FORBIDDEN, "you are not a player of game " + gameId);
        }
        return stake;
    }

    private static void requireSignatureSyntax(String signature) {
        boolean valid;
        try {
            valid = signature != null && signature.length() <= 88 && Base58.decode(signature).length == SIGNATURE_BYTES;
        } catch (IllegalArgumentException e) {
            valid = false;
        }
        if (!valid) {
            throw new WagerRefusedException("invalid-signature", Kind.INVALID_INPUT,
                    "signature must be a transaction signature: base58 of 64 bytes (87 or 88 characters)");
        }
    }

    private static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (t instanceof PersistenceException && t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
