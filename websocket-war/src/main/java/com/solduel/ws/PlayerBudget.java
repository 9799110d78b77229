package com.solduel.ws;

import com.solduel.ws.protocol.FrameRateLimit;
import com.solduel.ws.protocol.LogBudget;

/**
 * What one player may spend on this node, whatever the number of their sockets: the message rate
 * limit and the log lines they may cause. {@link PlayerConnections} holds one per player with an
 * open socket; the socket count it keeps is guarded by that class.
 */
final class PlayerBudget {

    private final FrameRateLimit rateLimit;
    private final LogBudget logLines;
    private int sockets;

    PlayerBudget(WebSocketSettings settings, long nowNanos) {
        this.rateLimit = new FrameRateLimit(settings.framesPerSecond(), settings.burst(), settings.refusalsBeforeClose(),
                nowNanos);
        this.logLines = new LogBudget(settings.logLinesPerPlayerPerMinute(), nowNanos);
    }

    FrameRateLimit rateLimit() {
        return rateLimit;
    }

    LogBudget logLines() {
        return logLines;
    }

    int sockets() {
        return sockets;
    }

    void sockets(int count) {
        this.sockets = count;
    }
}
