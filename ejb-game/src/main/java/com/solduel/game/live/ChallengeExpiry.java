package com.solduel.game.live;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
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
 * Cancels private challenges nobody joined within {@code solduel.game.challenge-ttl-minutes}, every
 * {@code solduel.game.challenge-sweep-seconds}. Every node runs it: the UPDATE is idempotent.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ChallengeExpiry {

    private static final Logger LOG = Logger.getLogger(ChallengeExpiry.class.getName());

    @Resource
    TimerService timers;

    @EJB
    GameRecords records;

    @Inject
    @ConfigProperty(name = "solduel.game.challenge-ttl-minutes")
    long ttlMinutes;

    @Inject
    @ConfigProperty(name = "solduel.game.challenge-sweep-seconds")
    long sweepSeconds;

    @PostConstruct
    void start() {
        // Not persistent: a missed sweep is simply the next one.
        timers.createIntervalTimer(sweepSeconds * 1000, sweepSeconds * 1000, new TimerConfig("challenge-expiry", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        try {
            int cancelled = records.cancelExpiredChallenges(ttlMinutes * 60);
            if (cancelled > 0) {
                LOG.info(() -> "cancelled " + cancelled + " challenges nobody joined within " + ttlMinutes + " min");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "expiring open challenges failed; retrying in " + sweepSeconds + " s: " + e);
        }
    }
}
