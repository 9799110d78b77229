package com.solduel.ws;

import com.solduel.game.live.GameHall;
import com.solduel.game.live.OwnedGames;
import com.solduel.game.table.GameRefusedException;
import com.solduel.player.PlayerBans;
import com.solduel.player.WalletAddress;
import com.solduel.shared.SolDuelException.Kind;
import com.solduel.ws.protocol.Command;
import com.solduel.ws.protocol.ErrorCodes;
import com.solduel.ws.protocol.ProtocolException;
import com.solduel.ws.protocol.ServerFrames;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Carries a connection's parsed commands to the game: to this node's game hall when the game is
 * played here (or nowhere yet), else to the node that owns it ({@link NodeRelay}). Answers come
 * back through the connection's subscriptions (state, action_accepted, turn_result, ...); a
 * refusal is thrown back to the endpoint, which turns it into an error frame.
 */
@ApplicationScoped
public class CommandRouter {

    private static final Logger LOG = Logger.getLogger(CommandRouter.class.getName());

    @Inject
    GameHall hall;

    @Inject
    OwnedGames owned;

    @Inject
    NodeRelay relay;

    @Inject
    WebSocketSettings settings;

    @Inject
    PlayerBans bans;

    @Inject
    MatchmakingSockets matchmaking;

    @PostConstruct
    void wire() {
        relay.onMoved(this::reroute);
        matchmaking.onWageredMatch(this::followWageredMatch);
    }

    /**
     * A socket told of a wagered match follows its game as its player, as if it had sent
     * join_game (unless it follows the game already): deposit_required comes next.
     */
    private void followWageredMatch(PlayerConnection connection, long gameId) {
        if (!connection.isClosed() && connection.subscription(gameId).isEmpty()) {
            follow(connection, gameId, true, OptionalLong.empty());
        }
    }

    /** A socket opened: matchmaking learns the player is (back) here. */
    void opened(PlayerConnection connection) {
        matchmaking.opened(connection);
    }

    void handle(PlayerConnection connection, Command command) {
        if (command instanceof Command.JoinGame join) {
            follow(connection, join.gameId(), true, join.sinceVersion());
        } else if (command instanceof Command.WatchGame watch) {
            follow(connection, watch.gameId(), false, watch.sinceVersion());
        } else if (command instanceof Command.SubmitAction submit) {
            PlayerConnection.Subscription subscription = connection.subscription(submit.gameId())
                    .filter(PlayerConnection.Subscription::seated)
                    .orElseThrow(() -> new ProtocolException(ErrorCodes.NOT_JOINED, "send join_game for game "
                            + submit.gameId() + " on this connection before submitting actions",
                            Optional.of(submit.clientSeq()), OptionalLong.of(submit.gameId())));
            WalletAddress wallet = connection.player().wallet();
            if (subscription.owner() != null) {
                relay.submit(subscription, wallet, submit.clientSeq(), submit.turn(), submit.action());
            } else {
                // A deciding action's result is recorded once its frames (turn_result first) are written.
                hall.submit(submit.gameId(), wallet, submit.clientSeq(), submit.turn(), submit.action())
                        .ifPresent(OutboundQueue::afterHeldFrames);
            }
        } else if (command instanceof Command.QueueJoin queueJoin) {
            matchmaking.join(connection, queueJoin);
        } else if (command instanceof Command.QueueLeave) {
            matchmaking.leave(connection);
        } else if (command instanceof Command.Ping ping) {
            connection.send(ServerFrames.pong(ping.nonce(), Instant.now()));
        } else {
            throw new IllegalStateException("unhandled command " + command);
        }
    }

    /** The socket closed: every game it followed is left (a seated player's reconnect grace starts). */
    void closed(PlayerConnection connection) {
        connection.unfollowAll().forEach(this::release);
        matchmaking.closed(connection);
    }

    /**
     * Follows a game as a player or a spectator. The new subscription replaces this connection's
     * previous one for the game only once the game accepted it: a refused join_game or
     * watch_game leaves the connection as it was, and a join_game resent on a live connection
     * (to resynchronise) never looks like the player left and came back.
     */
    private void follow(PlayerConnection connection, long gameId, boolean seated, OptionalLong sinceVersion) {
        if (connection.subscription(gameId).isEmpty() && connection.followedGames() >= settings.maxGamesPerConnection()) {
            throw new ProtocolException(ErrorCodes.TOO_MANY_GAMES, "one connection follows at most "
                    + settings.maxGamesPerConnection() + " games; open another connection", Optional.empty(),
                    OptionalLong.of(gameId));
        }
        if (seated) {
            // A socket opened before a ban may send join_game before the ban's close reaches it.
            bans.refuseIfBanned(connection.player().wallet());
        }
        connection.onMoved(this::reroute);
        PlayerConnection.Subscription subscription = connection.new Subscription(gameId, seated);
        attach(subscription, sinceVersion);
        connection.follow(subscription).ifPresent(this::release);
        if (connection.isClosed()) {
            // The socket closed while the game was seating it: make sure no dead listener stays,
            // which would hide the disconnect from the reconnect grace.
            release(subscription);
        }
    }

    /** Follows the subscription's game where it is played: here, or on its owner. */
    private void attach(PlayerConnection.Subscription subscription, OptionalLong sinceVersion) {
        long gameId = subscription.gameId();
        WalletAddress wallet = subscription.connection().player().wallet();
        Optional<String> owner = owned.remoteOwner(gameId);
        if (owner.isPresent()) {
            relay.follow(owner.get(), subscription, wallet, sinceVersion);
        } else if (subscription.seated()) {
            hall.connect(gameId, wallet, sinceVersion, subscription);
        } else {
            hall.watch(gameId, sinceVersion, subscription);
        }
    }

    private void release(PlayerConnection.Subscription subscription) {
        if (subscription.owner() != null) {
            relay.leave(subscription);
        } else {
            hall.leave(subscription);
        }
    }

    /**
     * The subscription's game moved to another node (or its owner died): follow it where it is
     * now, from the last version passed on, so the client misses nothing and hears nothing twice.
     * While the game has no owner yet, the relay retries every second.
     */
    void reroute(PlayerConnection.Subscription subscription) {
        PlayerConnection connection = subscription.connection();
        if (connection.isClosed() || connection.subscription(subscription.gameId()).orElse(null) != subscription) {
            return;
        }
        try {
            attach(subscription, OptionalLong.of(subscription.lastVersion()));
        } catch (GameRefusedException refused) {
            if (refused.kind() == Kind.UNAVAILABLE) {
                relay.strand(subscription);
            } else {
                LOG.log(Level.FINE, "game " + subscription.gameId() + " cannot be followed any more: " + refused.getMessage());
                connection.send(ServerFrames.error(refused.code(), refused.getMessage(), Optional.empty(),
                        OptionalLong.of(subscription.gameId())));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "following game " + subscription.gameId() + " on its new server failed; retrying", e);
            relay.strand(subscription);
        }
    }
}
