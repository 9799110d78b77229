package com.solduel.ws;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The game socket's limits, from MicroProfile Config; the defaults are here because Liberty
 * validates the injection points with the EAR's configuration, which does not see a WAR's own
 * microprofile-config.properties. websocket-war/asyncapi.yaml tells clients these values.
 */
@ApplicationScoped
public class WebSocketSettings {

    /** Incoming messages per second per player, across all of their sockets on this node (token bucket refill rate). */
    @Inject
    @ConfigProperty(name = "solduel.ws.frames-per-second", defaultValue = "20")
    double framesPerSecond;

    /** Messages a player may send at once, across their sockets on this node (token bucket size). */
    @Inject
    @ConfigProperty(name = "solduel.ws.burst", defaultValue = "40")
    int burst;

    /** Rate-limited frames, without a pause for a full refill, after which the socket is closed with 1008. */
    @Inject
    @ConfigProperty(name = "solduel.ws.refusals-before-close", defaultValue = "50")
    int refusalsBeforeClose;

    /** No frame from the client for this long closes the socket (clients ping every 25 s). */
    @Inject
    @ConfigProperty(name = "solduel.ws.idle-timeout-seconds", defaultValue = "90")
    long idleTimeoutSeconds;

    /** Frames waiting for a client that does not read; beyond it the socket is closed with 1008. */
    @Inject
    @ConfigProperty(name = "solduel.ws.outbound-queue-limit", defaultValue = "512")
    int outboundQueueLimit;

    /**
     * The frames a client's message causes are written with blocking sends on that message's thread
     * once it is handled (true), or each handed to the container's asynchronous send, a thread
     * hand-off per frame (false). Frames from timers and other nodes are always sent asynchronously.
     */
    @Inject
    @ConfigProperty(name = "solduel.ws.sync-sends", defaultValue = "true")
    boolean syncSends;

    /** A blocking write that waits this long for a client to read closes its socket with 1008. */
    @Inject
    @ConfigProperty(name = "solduel.ws.send-stall-seconds", defaultValue = "3")
    long sendStallSeconds;

    /** Games one connection may follow at once, played and watched. */
    @Inject
    @ConfigProperty(name = "solduel.ws.max-games-per-connection", defaultValue = "8")
    int maxGamesPerConnection;

    /** Game sockets one player may have open on this node; one more is closed with 1008 right after opening. */
    @Inject
    @ConfigProperty(name = "solduel.ws.max-sockets-per-player", defaultValue = "5")
    int maxSocketsPerPlayer;

    /**
     * Game sockets this node holds at most (SPEC §14: 10,000); a handshake beyond it is refused with
     * HTTP 503 {@code server-full} before the upgrade, so a client tries another node or later.
     */
    @Inject
    @ConfigProperty(name = "solduel.ws.max-connections", defaultValue = "10000")
    int maxConnections;

    /** Log lines one player's sockets may cause per minute on this node; past it, one "suppressed" line. */
    @Inject
    @ConfigProperty(name = "solduel.ws.log-lines-per-player-per-minute", defaultValue = "10")
    int logLinesPerPlayerPerMinute;

    /**
     * Browser origins allowed to open a game socket (comma list; the REST CORS allowlist reads the
     * same key; its default is in ejb-game's microprofile-config.properties). A handshake without
     * an Origin header (a native client) is always allowed.
     */
    @Inject
    @ConfigProperty(name = "solduel.http.allowed-origins")
    String allowedOrigins;

    public double framesPerSecond() {
        return framesPerSecond;
    }

    public int burst() {
        return burst;
    }

    public int refusalsBeforeClose() {
        return refusalsBeforeClose;
    }

    public int maxConnections() {
        return maxConnections;
    }

    public long idleTimeoutSeconds() {
        return idleTimeoutSeconds;
    }

    public int outboundQueueLimit() {
        return outboundQueueLimit;
    }

    public boolean syncSends() {
        return syncSends;
    }

    public long sendStallSeconds() {
        return sendStallSeconds;
    }

    public int maxGamesPerConnection() {
        return maxGamesPerConnection;
    }

    public int maxSocketsPerPlayer() {
        return maxSocketsPerPlayer;
    }

    public int logLinesPerPlayerPerMinute() {
        return logLinesPerPlayerPerMinute;
    }

    /** The allowed origins, exactly as browsers send them (scheme://host[:port], no trailing slash). */
    public Set<String> allowedOrigins() {
        return Arrays.stream(allowedOrigins.split(",")).map(String::strip).filter(o -> !o.isEmpty())
                .map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o).collect(Collectors.toUnmodifiableSet());
    }
}
