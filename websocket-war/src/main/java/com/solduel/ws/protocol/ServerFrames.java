package com.solduel.ws.protocol;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The frames this layer writes itself; every game frame comes ready-made from the game hall. */
public final class ServerFrames {

    /** Looked up once: Json.createObjectBuilder looks the provider up again on every call. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    /** The protocol websocket-war/asyncapi.yaml describes; raised on every change a client must know of. */
    public static final int PROTOCOL_VERSION = 2;

    private ServerFrames() {
    }

    /** {@code {"type":"error","code","message","clientSeq"?,"gameId"?}}: the frame was refused and changed nothing. */
    public static JsonObject error(String code, String message, Optional<Integer> clientSeq, OptionalLong gameId) {
        JsonObjectBuilder frame = JSON.createObjectBuilder().add("type", "error").add("code", code).add("message", message);
        clientSeq.ifPresent(seq -> frame.add("clientSeq", seq));
        gameId.ifPresent(id -> frame.add("gameId", id));
        return frame.build();
    }

    public static JsonObject error(ProtocolException refused) {
        return error(refused.code(), refused.getMessage(), refused.clientSeq(), refused.gameId());
    }

    /** {@code {"type":"pong","nonce"?,"serverTime"}}: the answer to a ping, with the server's clock in epoch ms. */
    public static JsonObject pong(Optional<String> nonce, Instant now) {
        JsonObjectBuilder frame = JSON.createObjectBuilder().add("type", "pong");
        nonce.ifPresent(n -> frame.add("nonce", n));
        return frame.add("serverTime", now.toEpochMilli()).build();
    }

    /** {@code {"type":"welcome",...}}: sent once when the socket opens, so the client knows who it is and the limits. */
    public static JsonObject welcome(String wallet, int maxFrameBytes, double framesPerSecond, int burst, long idleTimeoutSeconds,
                                     Instant now) {
        return JSON.createObjectBuilder()
                .add("type", "welcome")
                .add("wallet", wallet)
                .add("protocolVersion", PROTOCOL_VERSION)
                .add("limits", JSON.createObjectBuilder()
                        .add("maxFrameBytes", maxFrameBytes)
                        .add("framesPerSecond", framesPerSecond)
                        .add("burst", burst)
                        .add("idleTimeoutSeconds", idleTimeoutSeconds))
                .add("serverTime", now.toEpochMilli())
                .build();
    }

    /**
     * {@code {"type":"queue_status",...}}: where the player waits (the REST status's fields);
     * {@code rejoined} true when the server put them back after its queue store lost its data.
     */
    public static JsonObject queueStatus(com.solduel.matchmaking.QueueStatus status, boolean rejoined) {
        JsonObjectBuilder frame = JSON.createObjectBuilder()
                .add("type", "queue_status")
                .add("status", status.status())
                .add("bucket", status.bucket())
                .add("gameType", status.gameType())
                .add("wager", status.wager())
                .add("rated", status.rated())
                .add("rating", status.rating())
                .add("waitedSeconds", status.waitedSeconds())
                .add("joinedAt", status.joinedAt())
                .add("expiresAt", status.expiresAt())
                .add("rejoined", rejoined);
        if (status.position() != null) {
            frame.add("position", status.position());
        } else {
            frame.addNull("position");
        }
        if (status.range() != null) {
            frame.add("range", JSON.createObjectBuilder().add("min", status.range().min()).add("max", status.range().max()));
        }
        return frame.build();
    }

    /** {@code {"type":"queue_left","bucket","reason"}}: the player waits no more (left, expired or removed). */
    public static JsonObject queueLeft(String bucket, String reason) {
        return JSON.createObjectBuilder().add("type", "queue_left").add("bucket", bucket).add("reason", reason).build();
    }
}
