package com.solduel.matchmaking;

import com.solduel.player.PlayerBanChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A ban takes effect in matchmaking at once (SPEC §4): once the ban commits, the player's waiting
 * entry is removed. Should Redis be unreachable at that moment, the pairing still refuses them (it
 * checks bans in PostgreSQL before making a game) and drops their entry then.
 */
@ApplicationScoped
public class BannedPlayersLeaveTheQueue {

    private static final Logger LOG = Logger.getLogger(BannedPlayersLeaveTheQueue.class.getName());

    @Inject
    MatchQueue queue;

    void banned(@Observes(during = TransactionPhase.AFTER_SUCCESS) PlayerBanChanged change) {
        if (!change.banned()) {
            return;
        }
        try {
            if (queue.removeBanned(change.wallet())) {
                LOG.info(() -> "banned player " + change.wallet().value() + " removed from matchmaking");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "banned player " + change.wallet().value() + " not removed from matchmaking now ("
                    + e.getMessage() + "); the pairing refuses them and removes the entry");
        }
    }
}
