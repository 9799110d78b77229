package com.solduel.ws;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The game socket's limits, from MicroProfile Config; the defaults are here because Liberty
 * validates the injection points with the EAR's configuration, which does not see a WAR's own
 * microprofile-config.properties. websocket-war/asyncapi.yaml tells clients these values.
 */
@ApplicationScoped
public class WebSocketSettings {

    /** Incoming frames per second per connection (token bucket refill rate). */
    @Inject
    @ConfigProperty(name = "solduel.ws.frames-per-second", defaultValue = "20")
    double framesPerSecond;

    /** Frames a connection may send at once (token bucket size). */
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

    /** Games one connection may follow at once, played and watched. */
    @Inject
    @ConfigProperty(name = "solduel.ws.max-games-per-connection", defaultValue = "8")
    int maxGamesPerConnection;

    public double framesPerSecond() {
        return framesPerSecond;
    }

    public int burst() {
        return burst;
    }

    public int refusalsBeforeClose() {
        return refusalsBeforeClose;
    }

    public long idleTimeoutSeconds() {
        return idleTimeoutSeconds;
    }

    public int outboundQueueLimit() {
        return outboundQueueLimit;
    }

    public int maxGamesPerConnection() {
        return maxGamesPerConnection;
    }
}
