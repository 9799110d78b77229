package com.solduel.ws;

import com.solduel.infra.redis.RedisConnection;
import com.solduel.player.BanBroadcast;
import com.solduel.player.PlayerBanChanged;
import com.solduel.player.PlayerBans;
import com.solduel.player.WalletAddress;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * Closes a banned player's game sockets on this node the moment a ban is announced
 * ({@link BanBroadcast#CHANNEL}, Redis pub/sub, the same pattern as {@link NodeRelay}): every node
 * listens, so the player's sockets close on every node at once, with 1008 {@code player-banned}.
 * Their handshakes are refused from the ban's commit on anyway ({@link HandshakeAuthentication}).
 * Announcements made while this node was not listening (Redis down or reconnecting) are lost, so
 * each time it subscribes it checks its connected players against PostgreSQL and closes the
 * banned ones' sockets.
 */
@ApplicationScoped
public class BanListener {

    private static final Logger LOG = Logger.getLogger(BanListener.class.getName());

    @Inject
    RedisConnection redis;

    @Inject
    PlayerConnections connections;

    @Inject
    PlayerBans bans;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    ManagedScheduledExecutorService executor;

    private volatile boolean running = true;
    private volatile Jedis listening;

    /** Starts listening when the application starts, before the first connection. */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // creating the bean is the point: @PostConstruct starts the listener
    }

    @PostConstruct
    void start() {
        threads.newThread(this::listen).start();
    }

    @PreDestroy
    void stop() {
        running = false;
        Jedis connection = listening;
        if (connection != null) {
            connection.close();
        }
    }

    private void listen() {
        boolean warned = false;
        while (running) {
            try (Jedis connection = redis.subscriberConnection()) {
                listening = connection;
                warned = false;
                connection.subscribe(new JedisPubSub() {
                    @Override
                    public void onMessage(String channel, String message) {
                        BanBroadcast.parse(message).ifPresent(change -> executor.execute(() -> apply(change)));
                    }

                    @Override
                    public void onSubscribe(String channel, int subscribedChannels) {
                        // Bans announced while this node was not listening (Redis down, a reconnect) are lost: catch up.
                        executor.execute(BanListener.this::catchUp);
                    }
                }, BanBroadcast.CHANNEL);
            } catch (RuntimeException e) {
                if (running) {
                    if (!warned) {
                        LOG.log(Level.WARNING, "not listening for bans (" + e.getMessage() + "); retrying every second");
                        warned = true;
                    }
                    pause();
                }
            }
        }
    }

    /** Closes the sockets of every connected player who is banned now, from PostgreSQL. */
    private void catchUp() {
        try {
            Set<WalletAddress> connected = connections.connectedPlayers();
            if (connected.isEmpty()) {
                return;
            }
            for (WalletAddress wallet : bans.bannedAmong(connected)) {
                int closed = connections.banned(wallet);
                LOG.info(() -> "player " + wallet.value() + " is banned: " + closed
                        + " game socket(s) closed on this node (caught up after listening again)");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "checking the connected players for bans failed: " + e.getMessage());
        }
    }

    private void apply(PlayerBanChanged change) {
        if (change.banned()) {
            int closed = connections.banned(change.wallet());
            LOG.info(() -> "player " + change.wallet().value() + " banned: " + closed + " game socket(s) closed on this node");
        } else {
            connections.unbanned(change.wallet());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
