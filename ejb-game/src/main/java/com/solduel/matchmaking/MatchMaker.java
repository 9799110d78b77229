package com.solduel.matchmaking;

import com.solduel.game.fair.ClientSeed;
import com.solduel.game.fair.ServerSeed;
import com.solduel.game.live.GameHall;
import com.solduel.game.live.GameRecords;
import com.solduel.game.live.GameStatus;
import com.solduel.game.live.MatchUnavailableException;
import com.solduel.game.live.NodeIdentity;
import com.solduel.game.rules.GameOptions;
import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import com.solduel.infra.redis.RedisConnection;
import com.solduel.player.WalletAddress;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The pairing loop every engine node runs (every {@code solduel.matchmaking.pairing-interval-millis}):
 * per bucket, the pairing script takes pairs out of the queue atomically (so two nodes pairing at
 * once never take a player twice) and records each as pending; this node then makes each pair's
 * game in one transaction ({@code games.match_id} unique: one game per pair at most), starts it
 * through {@link GameHall#startGame}, marks both tickets matched and tells both players on
 * whichever node they are connected. A pair of a wagered bucket becomes a game awaiting both
 * deposits instead (as a joined wagered challenge), which starts once they are in. Pending pairs
 * left behind by a node that died between pairing and making the game are recovered by any node
 * after {@code recover-after-millis}. The loop also removes players whose sockets stayed gone past
 * the reconnect grace, and bucket entries whose ticket is gone.
 */
@ApplicationScoped
public class MatchMaker {

    private static final Logger LOG = Logger.getLogger(MatchMaker.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How often the loop checks each bucket's entries against their tickets. */
    private static final long TICKET_SWEEP_MILLIS = 5_000;

    @Inject
    RedisConnection redis;

    @Inject
    MatchmakingSettings settings;

    /**
     * Looked up when a pair is made, not injected: this bean starts with the application, before
     * the EJB module's beans may be reached (a session bean proxy made then fails the deployment).
     */
    @Inject
    Instance<GameRecords> records;

    @Inject
    GameHall hall;

    @Inject
    NodeIdentity node;

    @Inject
    MatchNotices notices;

    @Inject
    MatchmakingMetrics metrics;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "solduel.node.roles")
    List<String> roles;

    private ScheduledFuture<?> loop;
    private long lastTicketSweep;
    private long lastRecovery;

    /** Starts the loop with the application (on engine nodes). */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // creating the bean is the point: @PostConstruct starts the loop
    }

    @PostConstruct
    void start() {
        settings.buckets().forEach(metrics::register);
        if (roles.contains("engine")) {
            loop = scheduler.scheduleWithFixedDelay(this::pass, settings.pairingIntervalMillis(),
                    settings.pairingIntervalMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            loop.cancel(false);
        }
    }

    /** One pass over every bucket; never throws (the next pass retries). */
    void pass() {
        long started = System.nanoTime();
        try {
            QueueStore store = new QueueStore(redis.client());
            long now = System.currentTimeMillis();
            boolean recover = now - lastRecovery >= Math.min(1_000, settings.recoverAfterMillis());
            boolean sweep = now - lastTicketSweep >= TICKET_SWEEP_MILLIS;
            for (Bucket bucket : settings.buckets()) {
                pairBucket(store, bucket);
                if (recover) {
                    store.claimStale(bucket, System.currentTimeMillis(), settings.recoverAfterMillis()).forEach(pair -> {
                        LOG.info(() -> "recovering matched pair " + pair.matchId() + " of " + bucket.tag());
                        make(store, pair);
                    });
                }
                if (sweep) {
                    sweepTickets(store, bucket);
                }
                metrics.queueSize(bucket, store.size(bucket));
            }
            removeDisconnected(store);
            if (recover) {
                lastRecovery = now;
            }
            if (sweep) {
                lastTicketSweep = now;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "matchmaking pass failed (retrying): " + e.getMessage());
        } finally {
            metrics.pairingPass(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private void pairBucket(QueueStore store, Bucket bucket) {
        while (true) {
            String callId = node.id() + "-" + HexFormat.of().toHexDigits(RANDOM.nextLong());
            PairingStep step = store.pair(bucket, System.currentTimeMillis(), settings.policy(bucket),
                    settings.maxPairsPerStep(), settings.ticketTtlMillis(), shorten(callId), settings.candidatesPerSide());
            step.pairs().forEach(pair -> make(store, pair));
            if (step.pairs().size() < settings.maxPairsPerStep()) {
                return;
            }
        }
    }

    /** A match id fits games.match_id (40 characters) with its "-n" suffix. */
    private static String shorten(String callId) {
        return callId.length() <= 33 ? callId : callId.substring(callId.length() - 33);
    }

    /**
     * Makes the pair's game, or puts back whoever can still play when the other cannot. A failure
     * of the database or of Redis leaves the pair pending: it is recovered later.
     */
    void make(QueueStore store, PendingPair pair) {
        PerSeat<QueuedPlayer> players = new PerSeat<>(pair.first(), pair.second());
        PerSeat<Optional<QueueTicket>> tickets = players.map(p -> store.ticket(p.wallet())
                .filter(t -> t.joinedAtMillis() == p.joinedAtMillis()));
        PerSeat<ClientSeed> seeds = tickets.map(t -> t.flatMap(QueueTicket::clientSeed).map(ClientSeed::new)
                .orElseGet(() -> ClientSeed.random(RANDOM)));
        Bucket bucket = pair.bucket();
        GameRecords.MatchedGame game;
        try {
            game = records.get().createMatched(pair.matchId(), bucket.gameType(), GameOptions.SINGLE, bucket.rated(),
                    ServerSeed.generate(), players.map(p -> WalletAddress.of(p.wallet())), seeds, bucket.wager().value(),
                    settings.wagerSettings().limits().houseFeeBps(), settings.wagerSettings().depositWindow());
        } catch (MatchUnavailableException | EJBException refused) {
            MatchUnavailableException unavailable = unavailable(refused);
            if (unavailable == null) {
                LOG.log(Level.WARNING, "the game of matched pair " + pair.matchId() + " was not made (recovered later)", refused);
                return;
            }
            requeueAvailable(store, pair, unavailable.wallets());
            return;
        }
        if (game.created()) {
            if (game.status() == GameStatus.AWAITING_DEPOSITS) {
                // A wagered pair: like a joined wagered challenge, it starts once both deposits are in.
                hall.depositsOpened(game.gameId());
            } else {
                hall.startGame(game.gameId());
            }
        }
        long now = System.currentTimeMillis();
        for (Seat seat : Seat.values()) {
            QueuedPlayer player = players.get(seat);
            QueuedPlayer opponent = players.get(seat.other());
            MatchFound match = new MatchFound(game.gameId(), bucket.gameType().name(), game.bestOf(), bucket.wager().value(),
                    bucket.rated(), bucket.tag(), seat.name(), game.serverSeedSha256(),
                    new MatchOpponent(opponent.wallet(), game.usernames().get(seat.other()), opponent.rating()));
            store.markMatched(player.wallet(), player.joinedAtMillis(), game.gameId(), match.frame().toString(),
                    settings.matchedTicketMillis());
            store.forgetDisconnected(player.wallet());
            notices.matched(player.wallet(), match);
            if (game.created()) {
                metrics.matched(bucket, now - player.joinedAtMillis());
            }
        }
        store.settled(pair);
    }

    private void requeueAvailable(QueueStore store, PendingPair pair, List<String> unavailable) {
        List<QueuedPlayer> back = new ArrayList<>();
        for (QueuedPlayer player : List.of(pair.first(), pair.second())) {
            if (unavailable.contains(player.wallet())) {
                // Banned or playing meanwhile: they wait no more.
                store.deleteTicket(player.wallet(), player.joinedAtMillis());
                store.forgetDisconnected(player.wallet());
            } else {
                back.add(player);
            }
        }
        store.requeue(pair, back);
        LOG.fine(() -> "pair " + pair.matchId() + " not made: " + unavailable + " unavailable; put back " + back);
    }

    private static MatchUnavailableException unavailable(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MatchUnavailableException unavailable) {
                return unavailable;
            }
        }
        return null;
    }

    /** Removes WebSocket players whose sockets have been gone longer than the reconnect grace. */
    private void removeDisconnected(QueueStore store) {
        long now = System.currentTimeMillis();
        for (String wallet : store.disconnectedBefore(now - settings.reconnectGraceMillis())) {
            Optional<QueueTicket> ticket = store.ticket(wallet);
            boolean stillGone = ticket.isPresent() && ticket.get().status() == QueueTicket.Status.QUEUED
                    && ticket.get().disconnectedAtMillis().isPresent()
                    && ticket.get().disconnectedAtMillis().getAsLong() <= now - settings.reconnectGraceMillis();
            if (stillGone) {
                QueueTicket gone = ticket.get();
                if (store.remove(gone.bucket(), wallet, OptionalLong.of(gone.joinedAtMillis()))) {
                    store.deleteTicket(wallet, gone.joinedAtMillis());
                }
            }
            store.forgetDisconnected(wallet);
        }
    }

    /** Removes bucket entries without their ticket (it expired, or Redis lost it): nobody waits without one. */
    private void sweepTickets(QueueStore store, Bucket bucket) {
        for (Map.Entry<String, Double> entry : store.waiting(bucket).entrySet()) {
            long joined = entry.getValue().longValue();
            boolean ticketed = store.ticket(entry.getKey()).filter(t -> t.joinedAtMillis() == joined
                    && t.bucket().equals(bucket)).isPresent();
            if (!ticketed) {
                store.remove(bucket, entry.getKey(), OptionalLong.of(joined));
            }
        }
    }
}
