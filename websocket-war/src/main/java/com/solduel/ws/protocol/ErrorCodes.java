package com.solduel.ws.protocol;

/**
 * The {@code code}s of error frames this layer sends itself; the game hall's refusals
 * ({@code GameRefusedException}) keep their own codes. Listed in websocket-war/asyncapi.yaml.
 */
public final class ErrorCodes {

    /** The frame is not a JSON object (or not text). */
    public static final String MALFORMED_FRAME = "malformed-frame";
    /** {@code type} names no message this server knows. */
    public static final String UNKNOWN_TYPE = "unknown-type";
    /** A field is missing, of the wrong JSON type or out of range. */
    public static final String INVALID_FIELD = "invalid-field";
    /** More frames than the connection's rate allows; the frame was dropped. */
    public static final String RATE_LIMITED = "rate-limited";
    /** {@code submit_action} for a game this connection has not joined as a player. */
    public static final String NOT_JOINED = "not-joined";
    /** The connection already follows the most games one connection may follow. */
    public static final String TOO_MANY_GAMES = "too-many-games";
    /** The server failed; the frame may or may not have been applied: resynchronise with {@code join_game}. */
    public static final String INTERNAL_ERROR = "internal-error";

    private ErrorCodes() {
    }
}
