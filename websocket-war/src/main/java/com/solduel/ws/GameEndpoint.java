package com.solduel.ws;

import com.solduel.auth.AuthenticatedPlayer;
import com.solduel.player.PlayerBannedException;
import com.solduel.shared.SolDuelException;
import com.solduel.ws.protocol.Command;
import com.solduel.ws.protocol.CommandParser;
import com.solduel.ws.protocol.ErrorCodes;
import com.solduel.ws.protocol.IncomingMessage;
import com.solduel.ws.protocol.ProtocolException;
import com.solduel.ws.protocol.ServerFrames;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
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
 * documented in websocket-war/asyncapi.yaml. One instance per connection, made by
 * {@link HandshakeConfigurator#getEndpointInstance}.
 *
 * <p>A programmatic endpoint (registered by {@link GameSocketConfig}), not an annotated one, for
 * the size limit: Liberty checks an annotated endpoint's {@code maxMessageSize} per frame, so a
 * message in many small continuation frames was reassembled whatever its size, and it does not
 * check a partial-message handler at all, so a single huge frame was buffered whole. For a
 * programmatic endpoint it checks every frame against the session's buffer size, as the frame
 * header arrives, and here the parts of a message are counted against the limit as a whole.
 */
public class GameEndpoint extends Endpoint {

    /** The endpoint's path inside the WAR. */
    public static final String PATH = "/game";
    /**
     * Largest message accepted, in UTF-8 bytes, however many frames it comes in; a larger one closes
     * the socket with 1009 (message too big) as soon as it passes the limit, never buffered further.
     */
    public static final int MAX_MESSAGE_BYTES = 4096;
    /** The 1009 close reason: plain words, no class names. */
    static final String TOO_BIG_REASON = "message over " + MAX_MESSAGE_BYTES + " bytes";

    private static final Logger LOG = Logger.getLogger(GameEndpoint.class.getName());

    private final CommandRouter router;
    private final PlayerConnections connections;
    private final WebSocketSettings settings;

    private PlayerConnection connection;
    /** The text message being received; parts are delivered one at a time, so no locking. */
    private final IncomingMessage incoming = new IncomingMessage(MAX_MESSAGE_BYTES);
    /** Whether the rate limit let the message being received through (charged once, at its first part). */
    private boolean admittedMessage;
    /** Bytes of the binary message being received, and whether it is the start of one. */
    private long binaryBytes;
    private boolean binaryStarted;
    /** Set once a message went over the limit: the socket is closing, later parts are dropped. */
    private volatile boolean tooBig;

    GameEndpoint(CommandRouter router, PlayerConnections connections, WebSocketSettings settings) {
        this.router = router;
        this.connections = connections;
        this.settings = settings;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        try {
            open(session, config);
        } catch (IOException closeFailed) {
            LOG.log(Level.FINE, "closing a refused game socket failed; it is gone already", closeFailed);
        }
    }

    private void open(Session session, EndpointConfig config) throws IOException {
        // Every frame is checked against these as its header arrives (1009); the message as a whole in text().
        session.setMaxTextMessageBufferSize(MAX_MESSAGE_BYTES);
        session.setMaxBinaryMessageBufferSize(MAX_MESSAGE_BYTES);
        AuthenticatedPlayer player = (AuthenticatedPlayer) config.getUserProperties().get(HandshakeConfigurator.PLAYER);
        if (player == null) {
            Object refusal = config.getUserProperties().get(HandshakeConfigurator.REFUSAL);
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY,
                    refusal instanceof String code ? code : "not authenticated"));
            return;
        }
        Optional<PlayerBudget> budget = connections.reserveSocket(player.wallet());
        if (budget.isEmpty()) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "too many sockets: at most "
                    + settings.maxSocketsPerPlayer() + " per player"));
            return;
        }
        try {
            // PlayerConnections closes idle sockets properly (1001); the container's timeout is only a backstop.
            session.setMaxIdleTimeout(settings.idleTimeoutSeconds() * 2000);
            connection = new PlayerConnection(session, player, budget.get(), settings, connections.closer());
            if (!connections.opened(connection)) {
                // Banned between the handshake's check and now: closed like the player's other sockets.
                connection.close(CloseReason.CloseCodes.VIOLATED_POLICY, PlayerBannedException.CODE);
                return;
            }
            session.addMessageHandler(String.class, (MessageHandler.Partial<String>) this::text);
            session.addMessageHandler(ByteBuffer.class, (MessageHandler.Partial<ByteBuffer>) this::binary);
            connection.send(ServerFrames.welcome(player.wallet().value(), MAX_MESSAGE_BYTES, settings.framesPerSecond(),
                    settings.burst(), settings.idleTimeoutSeconds(), Instant.now()));
            router.opened(connection);
        } catch (RuntimeException failed) {
            LOG.log(Level.SEVERE, "a game socket could not be opened", failed);
            if (connection == null) {
                connections.releaseSocket(player.wallet());
            }
            session.close(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "server error"));
        }
    }

    /** One part of a text message: the frame itself, or each of a fragmented message's frames. */
    void text(String part, boolean last) {
        if (connection == null || tooBig) {
            return;
        }
        connection.heard();
        if (incoming.atStart()) {
            admittedMessage = admitted();
        }
        switch (incoming.offer(part, last)) {
            case TOO_BIG -> refuseTooBig();
            case COMPLETE -> {
                String message = incoming.take();
                if (admittedMessage) {
                    connection.handling(() -> handle(message));
                }
            }
            default -> {
                // more parts follow
            }
        }
    }

    private void handle(String message) {
        Command command = null;
        try {
            command = CommandParser.parse(message);
            router.handle(connection, command);
        } catch (ProtocolException refused) {
            connection.send(ServerFrames.error(refused));
        } catch (SolDuelException refused) {
            connection.send(ServerFrames.error(refused.code(), refused.getMessage(), clientSeq(command), gameId(command)));
        } catch (RuntimeException failed) {
            logFailure(command, failed);
            connection.send(ServerFrames.error(ErrorCodes.INTERNAL_ERROR, "the server failed to handle this frame; "
                    + "send join_game to resynchronise", clientSeq(command), gameId(command)));
        }
    }

    /** A binary message, in parts like a text one: refused with {@code malformed-frame} once it is whole. */
    void binary(ByteBuffer part, boolean last) {
        if (connection == null || tooBig) {
            return;
        }
        connection.heard();
        if (!binaryStarted) {
            binaryStarted = true;
            binaryBytes = 0;
            admittedMessage = admitted();
        }
        binaryBytes += part.remaining();
        if (binaryBytes > MAX_MESSAGE_BYTES) {
            refuseTooBig();
            return;
        }
        if (last) {
            binaryStarted = false;
            if (admittedMessage) {
                connection.send(ServerFrames.error(ErrorCodes.MALFORMED_FRAME, "frames are JSON text, not binary",
                        Optional.empty(), OptionalLong.empty()));
            }
        }
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        if (connection != null) {
            connection.closing(() -> {
                connections.closed(connection);
                connections.releaseSocket(connection.player().wallet());
                router.closed(connection);
            });
        }
    }

    @Override
    public void onError(Session session, Throwable failure) {
        LOG.log(Level.FINE, "game socket " + session.getId() + " failed", failure);
    }

    private void refuseTooBig() {
        tooBig = true;
        connection.close(CloseReason.CloseCodes.TOO_BIG, TOO_BIG_REASON);
    }

    /**
     * A server failure while handling a client's message, logged within the player's log budget
     * ({@code solduel.ws.log-lines-per-player-per-minute}), so one client cannot flood the log.
     */
    private void logFailure(Command command, RuntimeException failed) {
        switch (connection.logLines().charge(System.nanoTime())) {
            case LOG -> LOG.log(Level.WARNING, "a game command failed: " + command, failed);
            case SUPPRESS_FROM_NOW -> LOG.warning("game commands of player " + connection.player().wallet().value()
                    + " keep failing; further failures are not logged for the rest of this minute");
            default -> {
                // within the minute's budget already spent
            }
        }
    }

    /** Charges the message to the player's rate limit; answers or closes when it is over. */
    private boolean admitted() {
        switch (connection.rateLimit().admit(System.nanoTime())) {
            case ACCEPT:
                return true;
            case REFUSE:
                connection.send(ServerFrames.error(ErrorCodes.RATE_LIMITED, "more than " + settings.framesPerSecond()
                        + " frames per second across your sockets (burst " + settings.burst() + "): this frame was dropped; slow down",
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
