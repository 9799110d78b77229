package com.solduel.wager;

import com.solduel.game.live.GameHall;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cancels wagered games whose deposit deadline passed, every {@code solduel.wager.deadline-sweep-seconds},
 * and records a pending refund for each credited stake. Every node runs it: each game is cancelled
 * in its own transaction under its row lock, at most once, and the node that cancelled it tells
 * the game's followers on every node ({@code game_cancelled}).
 */
@Singleton
@Startup
// Moves money: only once the node has checked it talks to the chain its profile allows.
@DependsOn("ChainCheck")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DepositDeadlines {

    private static final Logger LOG = Logger.getLogger(DepositDeadlines.class.getName());

    @Resource
    TimerService timers;

    @EJB
    DepositBook book;

    @Inject
    GameHall hall;

    @Inject
    @ConfigProperty(name = "solduel.wager.deadline-sweep-seconds")
    long sweepSeconds;

    @PostConstruct
    void start() {
        timers.createIntervalTimer(sweepSeconds * 1000, sweepSeconds * 1000, new TimerConfig("deposit-deadlines", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        try {
            for (long gameId : book.overdue()) {
                book.cancelOverdue(gameId).ifPresent(cancelled -> {
                    LOG.info(() -> "game " + gameId + " cancelled: its deposits were not both in by the deadline");
                    hall.cancelled(cancelled);
                });
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cancelling games past their deposit deadline failed; retrying in " + sweepSeconds + " s: " + e);
        }
    }
}
