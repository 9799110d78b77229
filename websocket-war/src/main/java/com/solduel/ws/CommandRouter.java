package com.solduel.ws;

import com.solduel.game.live.GameHall;
import com.solduel.ws.protocol.Command;
import com.solduel.ws.protocol.ErrorCodes;
import com.solduel.ws.protocol.ProtocolException;
import com.solduel.ws.protocol.ServerFrames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Carries a connection's parsed commands to the game hall. The hall answers through the
 * connection's subscriptions (state, action_accepted, turn_result, ...); a refusal is thrown
 * back to the endpoint, which turns it into an error frame.
 */
@ApplicationScoped
public class CommandRouter {

    @Inject
    GameHall hall;

    @Inject
    WebSocketSettings settings;

    void handle(PlayerConnection connection, Command command) {
        if (command instanceof Command.JoinGame join) {
            follow(connection, join.gameId(), true, join.sinceVersion());
        } else if (command instanceof Command.WatchGame watch) {
            follow(connection, watch.gameId(), false, watch.sinceVersion());
        } else if (command instanceof Command.SubmitAction submit) {
            boolean joined = connection.subscription(submit.gameId()).filter(PlayerConnection.Subscription::seated).isPresent();
            if (!joined) {
                throw new ProtocolException(ErrorCodes.NOT_JOINED, "send join_game for game " + submit.gameId()
                        + " on this connection before submitting actions", Optional.of(submit.clientSeq()),
                        OptionalLong.of(submit.gameId()));
            }
            hall.submit(submit.gameId(), connection.player().wallet(), submit.clientSeq(), submit.turn(), submit.action());
        } else if (command instanceof Command.Ping ping) {
            connection.send(ServerFrames.pong(ping.nonce(), Instant.now()));
        } else {
            throw new IllegalStateException("unhandled command " + command);
        }
    }

    /** The socket closed: the hall starts the reconnect grace of every game it played. */
    void closed(PlayerConnection connection) {
        connection.unfollowAll().forEach(hall::leave);
    }

    /**
     * Follows a game as a player or a spectator. The new subscription replaces this connection's
     * previous one for the game only once the hall accepted it: a refused join_game or
     * watch_game leaves the connection as it was, and a join_game resent on a live connection
     * (to resynchronise) never looks like the player left and came back.
     */
    private void follow(PlayerConnection connection, long gameId, boolean seated, OptionalLong sinceVersion) {
        if (connection.subscription(gameId).isEmpty() && connection.followedGames() >= settings.maxGamesPerConnection()) {
            throw new ProtocolException(ErrorCodes.TOO_MANY_GAMES, "one connection follows at most "
                    + settings.maxGamesPerConnection() + " games; open another connection", Optional.empty(),
                    OptionalLong.of(gameId));
        }
        PlayerConnection.Subscription subscription = connection.new Subscription(gameId, seated);
        if (seated) {
            hall.connect(gameId, connection.player().wallet(), sinceVersion, subscription);
        } else {
            hall.watch(gameId, sinceVersion, subscription);
        }
        connection.follow(subscription).ifPresent(hall::leave);
        if (connection.isClosed()) {
            // The socket closed while the hall was seating it: make sure the hall does not keep a dead
            // listener, which would hide the disconnect from the reconnect grace.
            hall.leave(subscription);
        }
    }
}
