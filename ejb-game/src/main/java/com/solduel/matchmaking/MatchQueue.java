package com.solduel.matchmaking;

import com.solduel.game.fair.ClientSeed;
import com.solduel.game.live.GameRecords;
import com.solduel.game.rules.GameType;
import com.solduel.infra.redis.RedisConnection;
import com.solduel.money.Lamports;
import com.solduel.player.PlayerBans;
import com.solduel.player.WalletAddress;
import com.solduel.shared.SolDuelException;
import com.solduel.shared.SolDuelException.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Joining, leaving and reading one's place in matchmaking, over REST or WebSocket alike. A player
 * waits in one bucket at most and never while playing a game; a refused request writes nothing.
 * Pairing is {@link MatchMaker}'s.
 */
@ApplicationScoped
public class MatchQueue {

    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    RedisConnection redis;

    @Inject
    MatchmakingSettings settings;

    @Inject
    PlayerBans bans;

    @Inject
    GameRecords games;

    @Inject
    QueueRatings ratings;

    QueueStore store() {
        return new QueueStore(redis.client());
    }

    /** Puts the player in the request's bucket; answers their status (position, range). */
    public QueueStatus join(WalletAddress wallet, JoinRequest request, QueueTicket.Via via) {
        return join(wallet, request, via, System.currentTimeMillis());
    }

    /**
     * Joins with a given join time: a player put back after Redis lost its data keeps their place
     * ({@code joinedAtMillis} from before). Same checks as any join.
     */
    public QueueStatus join(WalletAddress wallet, JoinRequest request, QueueTicket.Via via, long joinedAtMillis) {
        Bucket bucket = bucket(request);
        Optional<String> seed = clientSeed(request.clientSeed());
        games.player(wallet); // player-not-found for a wallet without a player
        if (bans.isBanned(wallet)) {
            throw new QueueRefusedException("player-banned", Kind.FORBIDDEN, "this account is banned and cannot play");
        }
        OptionalLong playing = games.activeGame(wallet);
        if (playing.isPresent()) {
            throw new QueueRefusedException("already-in-game", Kind.CONFLICT, "you are playing game " + playing.getAsLong()
                    + "; queue again once it is over");
        }
        int rating = ratings.rating(wallet, bucket.gameType());
        long now = System.currentTimeMillis();
        long expiresAt = joinedAtMillis + settings.ticketTtlMillis();
        if (expiresAt <= now) {
            throw new QueueRefusedException("queue-expired", Kind.CONFLICT, "this wait expired; join again");
        }
        QueueTicket ticket = QueueTicket.queued(wallet.value(), bucket, joinedAtMillis, rating, via, seed);
        try {
            QueueStore store = store();
            Optional<QueueTicket> existing = store.ticket(wallet.value());
            if (existing.isPresent() && existing.get().status() == QueueTicket.Status.MATCHED) {
                // Matched into a game that is over by now (the game check above passed): the old ticket goes.
                store.deleteTicket(wallet.value(), existing.get().joinedAtMillis());
            }
            if (!store.createTicket(ticket, expiresAt)) {
                QueueTicket held = store.ticket(wallet.value()).orElse(ticket);
                throw new QueueRefusedException("already-queued", Kind.CONFLICT, "you are already waiting in "
                        + held.bucket().tag() + "; leave that queue first");
            }
            try {
                store.enqueue(bucket, new QueuedPlayer(wallet.value(), rating, joinedAtMillis));
            } catch (RuntimeException failed) {
                store.deleteTicket(wallet.value(), joinedAtMillis);
                throw failed;
            }
            return status(store, ticket, now);
        } catch (JedisException redisDown) {
            throw unavailable(redisDown);
        }
    }

    /** Takes the player out of their queue; refused when they wait nowhere or were matched already. */
    public void leave(WalletAddress wallet) {
        try {
            QueueStore store = store();
            QueueTicket ticket = store.ticket(wallet.value()).orElseThrow(MatchQueue::notQueued);
            if (ticket.status() == QueueTicket.Status.MATCHED) {
                throw alreadyMatched(ticket.gameId());
            }
            boolean removed = store.remove(ticket.bucket(), wallet.value(), OptionalLong.of(ticket.joinedAtMillis()));
            if (!removed && System.currentTimeMillis() < ticket.joinedAtMillis() + settings.ticketTtlMillis()) {
                // Taken by the pairing a moment ago: its game is being made.
                throw alreadyMatched(OptionalLong.empty());
            }
            store.deleteTicket(wallet.value(), ticket.joinedAtMillis());
            store.forgetDisconnected(wallet.value());
            if (!removed) {
                throw notQueued();
            }
        } catch (JedisException redisDown) {
            throw unavailable(redisDown);
        }
    }

    /**
     * Takes a banned player out of matchmaking at once: their waiting entry goes (a ticket already
     * MATCHED stays: its game exists and is handled like any game in progress). True when an entry
     * was removed.
     */
    public boolean removeBanned(WalletAddress wallet) {
        QueueStore store = store();
        Optional<QueueTicket> ticket = store.ticket(wallet.value());
        if (ticket.isEmpty() || ticket.get().status() != QueueTicket.Status.QUEUED) {
            return false;
        }
        boolean removed = store.remove(ticket.get().bucket(), wallet.value(), OptionalLong.of(ticket.get().joinedAtMillis()));
        store.deleteTicket(wallet.value(), ticket.get().joinedAtMillis());
        store.forgetDisconnected(wallet.value());
        return removed;
    }

    /** Where the player stands: waiting (position, range) or matched (the game); {@code not-queued} otherwise. */
    public QueueStatus status(WalletAddress wallet) {
        try {
            QueueStore store = store();
            QueueTicket ticket = store.ticket(wallet.value()).orElseThrow(MatchQueue::notQueued);
            return status(store, ticket, System.currentTimeMillis());
        } catch (JedisException redisDown) {
            throw unavailable(redisDown);
        }
    }

    /** Players waiting in each configured bucket, by bucket tag: the count the pairing loop publishes as sol_duel_matchmaking_queue_size. */
    public java.util.Map<String, Long> sizes() {
        try {
            QueueStore store = store();
            java.util.Map<String, Long> sizes = new java.util.TreeMap<>();
            settings.buckets().forEach(bucket -> sizes.put(bucket.tag(), store.size(bucket)));
            return sizes;
        } catch (JedisException redisDown) {
            throw unavailable(redisDown);
        }
    }

    /** The player's ticket, if any (the socket side's view). */
    public Optional<QueueTicket> ticket(String wallet) {
        return store().ticket(wallet);
    }

    /**
     * Half the width of a queued ticket's rating range as of {@code now}: what widens while it
     * waits (the socket side pushes a status when it changes), without asking Redis anything.
     */
    public int rangeHalfWidth(QueueTicket ticket, long now) {
        SearchRange range = settings.policy(ticket.bucket()).range(ticket.rating(), Math.max(0, now - ticket.joinedAtMillis()));
        return (range.max() - range.min()) / 2;
    }

    /** The status of {@code ticket} as of {@code now}. */
    public QueueStatus status(QueueStore store, QueueTicket ticket, long now) {
        Bucket bucket = ticket.bucket();
        long waited = Math.max(0, now - ticket.joinedAtMillis());
        long expiresAt = ticket.joinedAtMillis() + settings.ticketTtlMillis();
        if (ticket.status() == QueueTicket.Status.MATCHED) {
            MatchFound match = ticket.matchFrame().map(MatchQueue::readMatch).orElse(null);
            return new QueueStatus(ticket.status().name(), bucket.tag(), bucket.gameType().name(), bucket.wager().value(),
                    bucket.rated(), ticket.rating(), null, waited / 1000, ticket.joinedAtMillis(), null, ticket.via().name(),
                    expiresAt, ticket.gameId().isPresent() ? ticket.gameId().getAsLong() : null, match);
        }
        OptionalLong ahead = store.ahead(bucket, ticket.wallet());
        return new QueueStatus(ticket.status().name(), bucket.tag(), bucket.gameType().name(), bucket.wager().value(),
                bucket.rated(), ticket.rating(), ahead.isPresent() ? ahead.getAsLong() + 1 : null, waited / 1000,
                ticket.joinedAtMillis(), settings.policy(bucket).range(ticket.rating(), waited), ticket.via().name(),
                expiresAt, null, null);
    }

    private Bucket bucket(JoinRequest request) {
        GameType type;
        try {
            type = GameType.parse(request.gameType());
        } catch (IllegalArgumentException e) {
            throw new QueueRefusedException("invalid-game-type", Kind.INVALID_INPUT, e.getMessage());
        }
        Lamports wager = request.wager();
        List<Lamports> offered = settings.offeredWagers();
        if (!offered.contains(wager)) {
            boolean vaultMissing = offered.size() < settings.wagers().size();
            throw new QueueRefusedException("wager-not-offered", Kind.INVALID_INPUT, "no queue for a wager of "
                    + wager.value() + " lamports; offered: " + (offered.isEmpty() ? "none" : offered.stream()
                    .map(w -> Long.toString(w.value())).collect(Collectors.joining(", ")))
                    + (vaultMissing ? " (wagered queues need the escrow vault, which this server does not have)" : ""));
        }
        return new Bucket(type, wager, request.rated());
    }

    private static Optional<String> clientSeed(Optional<String> given) {
        try {
            return given.filter(s -> !s.isBlank()).map(s -> new ClientSeed(s).value());
        } catch (IllegalArgumentException e) {
            throw new QueueRefusedException("invalid-client-seed", Kind.INVALID_INPUT, e.getMessage());
        }
    }

    static MatchFound readMatch(String frame) {
        try (var reader = JSON.createReader(new StringReader(frame))) {
            return MatchFound.read(reader.readObject());
        }
    }

    private static QueueRefusedException notQueued() {
        return new QueueRefusedException("not-queued", Kind.NOT_FOUND, "you are not waiting in any queue");
    }

    private static QueueRefusedException alreadyMatched(OptionalLong gameId) {
        return new QueueRefusedException("already-matched", Kind.CONFLICT, gameId.isPresent()
                ? "you were matched into game " + gameId.getAsLong() + "; play it with join_game"
                : "you were just matched; your game is being made (GET /api/matchmaking/queue or match_found tells its id)");
    }

    private static SolDuelException unavailable(JedisException e) {
        return new QueueRefusedException("matchmaking-unavailable", Kind.UNAVAILABLE,
                "matchmaking is unavailable for a moment (its store does not answer); try again shortly");
    }
}
