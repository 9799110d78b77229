package com.solduel.solana.rpc;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Health-checks every RPC endpoint every {@code healthCheckInterval} (rpc-pool.json) with a direct
 * {@code getSlot}, bypassing the breakers, so an endpoint whose breaker is open is still watched and
 * a recovered one is used again. Starting with the application also validates the pool settings:
 * a broken rpc-pool.json stops the deployment with a message saying what to fix.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RpcHealthMonitor {

    private static final Logger LOG = Logger.getLogger(RpcHealthMonitor.class.getName());

    @Resource
    TimerService timers;

    @Inject
    RpcEndpointPool pool;

    private final AtomicBoolean checking = new AtomicBoolean();

    @PostConstruct
    void start() {
        long interval = pool.settings().pool().healthCheckInterval().toMillis();
        // Not persistent: a missed check is simply the next one, and there is no timer database.
        timers.createIntervalTimer(0, interval, new TimerConfig("solana-rpc-health", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void check() {
        if (!checking.compareAndSet(false, true)) {
            return; // the previous round is still waiting for a slow endpoint
        }
        try {
            pool.checkHealth();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Solana RPC health check round failed", e);
        } finally {
            checking.set(false);
        }
    }
}
