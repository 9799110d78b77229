package com.solduel.admin;

import com.solduel.audit.AdminAct;
import com.solduel.audit.AdminAudit;
import com.solduel.audit.AuditAction;
import com.solduel.game.live.GameHall;
import com.solduel.game.table.GameCancelled;
import com.solduel.game.table.GameRefusedException;
import com.solduel.player.WalletAddress;
import com.solduel.wager.DepositBook;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;

/**
 * An admin aborts a game awaiting deposits or in progress (docs/money.md, "Aborted games"): in one
 * transaction the game becomes ABORTED, each credited stake is owed back through the ledger and a
 * PENDING refund (sent on-chain by the payouts job, exactly once, like every refund), and the audit
 * row is written; once that commits, every follower of the game on every node hears
 * {@code game_cancelled} (reason ADMIN_ABORTED) and the node that drove the game stops.
 */
@ApplicationScoped
public class GameAborts {

    private static final JsonProvider JSON = JsonProvider.provider();

    @EJB
    AdminAudit audit;

    @EJB
    DepositBook book;

    @Inject
    GameHall hall;

    /** Aborts {@code gameId} for {@code reason}; {@code game-not-found} / {@code game-not-abortable} write nothing. */
    public GameCancelled abort(WalletAddress admin, long gameId, String reason) {
        GameCancelled cancelled = audit.perform(new AdminAct(admin, AuditAction.GAME_ABORT, "game:" + gameId, reason),
                () -> book.stake(gameId).map(GameAborts::before).orElseThrow(() -> GameRefusedException.notFound(gameId)),
                () -> book.abort(gameId, reason, admin.value()), GameAborts::after);
        hall.cancelled(cancelled);
        return cancelled;
    }

    private static JsonObject before(DepositBook.Stake stake) {
        JsonArrayBuilder deposited = JSON.createArrayBuilder();
        stake.depositedBy().forEach(id -> deposited.add(id.equals(stake.player1Id()) ? stake.wallet1() : stake.wallet2()));
        return JSON.createObjectBuilder().add("status", stake.status().name()).add("wager", stake.wager())
                .add("depositedBy", deposited).build();
    }

    private static JsonObject after(GameCancelled cancelled) {
        JsonArrayBuilder refunds = JSON.createArrayBuilder();
        cancelled.refunds().forEach(r -> refunds.add(JSON.createObjectBuilder().add("seat", r.seat().name())
                .add("wallet", r.wallet()).add("lamports", r.lamports())));
        return JSON.createObjectBuilder().add("status", "ABORTED").add("refunds", refunds).build();
    }
}
