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
}
