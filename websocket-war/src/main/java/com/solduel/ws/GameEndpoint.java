package com.solduel.ws;

import com.solduel.auth.AuthenticatedPlayer;
import com.solduel.shared.SolDuelException;
import com.solduel.ws.protocol.Command;
import com.solduel.ws.protocol.CommandParser;
import com.solduel.ws.protocol.ErrorCodes;
import com.solduel.ws.protocol.ProtocolException;
import com.solduel.ws.protocol.ServerFrames;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live game socket, {@code ws(s)://<host>/ws/game} (this WAR's context root is {@code /ws}).
 * The handshake carries the player's JWT (see {@link HandshakeFilter}); each text frame is one
 * JSON command, answered by frames from the game hall or an {@code error} frame. The protocol is
 * documented in websocket-war/asyncapi.yaml. One instance per connection; {@code @Dependent}
 * makes it a CDI bean (the WAR discovers annotated beans only), so the container injects it.
 */
@Dependent
@ServerEndpoint(value = GameEndpoint.PATH, configurator = HandshakeConfigurator.class)
public class GameEndpoint {

    /** The endpoint's path inside the WAR. */
    public static final String PATH = "/game";
    /** Largest frame accepted; a larger one makes the container close the socket with 1009 (message too big). */
    public static final int MAX_FRAME_BYTES = 4096;

    private static final Logger LOG = Logger.getLogger(GameEndpoint.class.getName());

    @Inject
    CommandRouter router;

    @Inject
    PlayerConnections connections;

    @Inject
    WebSocketSettings settings;

    private PlayerConnection connection;

    @OnOpen
    public void open(Session session, EndpointConfig config) throws IOException {
        AuthenticatedPlayer player = (AuthenticatedPlayer) config.getUserProperties().get(HandshakeConfigurator.PLAYER);
        if (player == null) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "not authenticated"));
            return;
        }
        try {
            // PlayerConnections closes idle sockets properly (1001); the container's timeout is only a backstop.
            session.setMaxIdleTimeout(settings.idleTimeoutSeconds() * 2000);
            connection = new PlayerConnection(session, player, settings, connections.closer());
            connections.opened(connection);
            connection.send(ServerFrames.welcome(player.wallet().value(), MAX_FRAME_BYTES, settings.framesPerSecond(),
                    settings.burst(), settings.idleTimeoutSeconds(), Instant.now()));
        } catch (RuntimeException failed) {
            LOG.log(Level.SEVERE, "a game socket could not be opened", failed);
            session.close(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "server error"));
        }
    }

    @OnMessage(maxMessageSize = MAX_FRAME_BYTES)
    public void text(String frame) {
        if (connection == null) {
            return;
        }
        connection.heard();
        if (!admitted()) {
            return;
        }
        Command command = null;
        try {
            command = CommandParser.parse(frame);
            router.handle(connection, command);
        } catch (ProtocolException refused) {
            connection.send(ServerFrames.error(refused));
        } catch (SolDuelException refused) {
            connection.send(ServerFrames.error(refused.code(), refused.getMessage(), clientSeq(command), gameId(command)));
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "a game command failed: " + command, failed);
            connection.send(ServerFrames.error(ErrorCodes.INTERNAL_ERROR, "the server failed to handle this frame; "
                    + "send join_game to resynchronise", clientSeq(command), gameId(command)));
        }
    }

    @OnMessage(maxMessageSize = MAX_FRAME_BYTES)
    public void binary(ByteBuffer frame) {
        if (connection == null) {
            return;
        }
        connection.heard();
        if (admitted()) {
            connection.send(ServerFrames.error(ErrorCodes.MALFORMED_FRAME, "frames are JSON text, not binary",
                    Optional.empty(), OptionalLong.empty()));
        }
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        if (connection != null) {
            connections.closed(connection);
            router.closed(connection);
        }
    }

    @OnError
    public void error(Session session, Throwable failure) {
        LOG.log(Level.FINE, "game socket " + session.getId() + " failed", failure);
    }

    /** Charges the frame to the rate limit; answers or closes when it is over. */
    private boolean admitted() {
        switch (connection.rateLimit().admit(System.nanoTime())) {
            case ACCEPT:
                return true;
            case REFUSE:
                connection.send(ServerFrames.error(ErrorCodes.RATE_LIMITED, "more than " + settings.framesPerSecond()
                        + " frames per second (burst " + settings.burst() + "): this frame was dropped; slow down",
                        Optional.empty(), OptionalLong.empty()));
                return false;
            default:
                connection.closeAfterFlush(CloseReason.CloseCodes.VIOLATED_POLICY, "rate limit exceeded");
                return false;
        }
    }

    private static Optional<Integer> clientSeq(Command command) {
        return command instanceof Command.SubmitAction submit ? Optional.of(submit.clientSeq()) : Optional.empty();
    }

    private static OptionalLong gameId(Command command) {
        if (command instanceof Command.JoinGame join) {
            return OptionalLong.of(join.gameId());
        }
        if (command instanceof Command.WatchGame watch) {
            return OptionalLong.of(watch.gameId());
        }
        return command instanceof Command.SubmitAction submit ? OptionalLong.of(submit.gameId()) : OptionalLong.empty();
    }
}
