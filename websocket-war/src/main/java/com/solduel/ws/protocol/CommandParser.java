package com.solduel.ws.protocol;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Turns a text frame into a {@link Command}, or refuses it with the error code the client sees.
 * Fields this version does not know are ignored, so clients may send newer fields safely.
 */
public final class CommandParser {

    /** Longest action name accepted; the rules' actions are far shorter. */
    public static final int MAX_ACTION_CHARS = 32;
    /** Longest ping nonce echoed back. */
    public static final int MAX_NONCE_CHARS = 64;
    /** Longest client seed accepted here; the game checks its characters. */
    public static final int MAX_CLIENT_SEED_CHARS = 64;
    /** Deepest nesting of arrays and objects accepted; commands need 2, the parser's own limit is far deeper. */
    public static final int MAX_DEPTH = 16;
    /** An action code as the rules spell it, in any case: letters and underscores, nothing to trim. */
    private static final Pattern ACTION = Pattern.compile("[A-Za-z][A-Za-z_]*");
    /** Looked up once: Json.createParser looks the provider up again on every call. */
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    private CommandParser() {
    }

    public static Command parse(String text) {
        JsonObject frame = object(text);
        OptionalLong gameId = frame.get("gameId") instanceof JsonNumber n && n.isIntegral()
                ? OptionalLong.of(n.longValue()) : OptionalLong.empty();
        Optional<Integer> clientSeq = frame.get("clientSeq") instanceof JsonNumber n && n.isIntegral()
                && n.bigIntegerValue().bitLength() < 32 ? Optional.of(n.intValue()) : Optional.empty();
        Fields fields = new Fields(frame, clientSeq, gameId);
        String type = fields.requiredString("type", 32);
        return switch (type) {
            case "join_game" -> new Command.JoinGame(fields.id("gameId"), fields.optionalVersion("sinceVersion"));
            case "watch_game" -> new Command.WatchGame(fields.id("gameId"), fields.optionalVersion("sinceVersion"));
            case "submit_action" -> new Command.SubmitAction(fields.id("gameId"), fields.intAtLeast("clientSeq", 1),
                    fields.intAtLeast("turn", 1), fields.action("action"));
            case "ping" -> new Command.Ping(fields.optionalString("nonce", MAX_NONCE_CHARS));
            case "queue_join" -> new Command.QueueJoin(fields.requiredString("gameType", 16), fields.optionalLamports("wager"),
                    fields.optionalBoolean("rated", true), fields.optionalString("clientSeed", MAX_CLIENT_SEED_CHARS));
            case "queue_leave" -> new Command.QueueLeave();
            default -> throw new ProtocolException(ErrorCodes.UNKNOWN_TYPE, "unknown message type '" + type
                    + "': expected join_game, watch_game, submit_action, queue_join, queue_leave or ping", clientSeq, gameId);
        };
    }

    private static JsonObject object(String text) {
        if (depth(text) > MAX_DEPTH) {
            throw new ProtocolException(ErrorCodes.MALFORMED_FRAME, "the frame nests arrays and objects deeper than "
                    + MAX_DEPTH + " levels");
        }
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new ProtocolException(ErrorCodes.MALFORMED_FRAME, "a frame must be a JSON object with a 'type'");
            }
            JsonObject object = parser.getObject();
            if (parser.hasNext()) {
                throw new ProtocolException(ErrorCodes.MALFORMED_FRAME, "the frame has data after its JSON object");
            }
            return object;
        } catch (ProtocolException refused) {
            throw refused;
        } catch (RuntimeException notJson) {
            // JsonException, JsonParsingException, and whatever else a parser throws on input it cannot read.
            throw new ProtocolException(ErrorCodes.MALFORMED_FRAME, "the frame is not valid JSON");
        }
    }

    /** The deepest nesting of arrays and objects in {@code text}, brackets inside strings not counted. */
    static int depth(String text) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return deepest;
    }

    /** Field access that refuses with {@code invalid-field}, echoing what could be read of the frame. */
    private record Fields(JsonObject frame, Optional<Integer> clientSeq, OptionalLong gameId) {

        String requiredString(String name, int maxChars) {
            if (!(frame.get(name) instanceof JsonString s) || s.getString().isEmpty() || s.getString().length() > maxChars) {
                throw invalid(name, "a string of 1 to " + maxChars + " characters");
            }
            return s.getString();
        }

        /** An action code: letters and underscores only, so control characters or spaces are refused, not trimmed. */
        String action(String name) {
            String action = requiredString(name, MAX_ACTION_CHARS);
            if (!ACTION.matcher(action).matches()) {
                throw invalid(name, "an action code of letters and underscores (such as ROCK or HEAVY_ATTACK)");
            }
            return action;
        }

        Optional<String> optionalString(String name, int maxChars) {
            return frame.containsKey(name) && frame.get(name) != JsonValue.NULL
                    ? Optional.of(requiredString(name, maxChars)) : Optional.empty();
        }

        /** A wager in lamports: a JSON integer from 0 to 2^63-1, no fraction or exponent; 0 when absent. */
        com.solduel.money.Lamports optionalLamports(String name) {
            if (!frame.containsKey(name) || frame.get(name) == JsonValue.NULL) {
                return com.solduel.money.Lamports.ZERO;
            }
            if (!(frame.get(name) instanceof JsonNumber n)) {
                throw invalid(name, "an integer number of lamports");
            }
            try {
                return com.solduel.money.Lamports.parse(n.toString());
            } catch (com.solduel.money.InvalidAmountException e) {
                throw invalid(name, "a whole number of lamports from 0 to " + Long.MAX_VALUE + " (no fraction, exponent or sign)");
            }
        }

        boolean optionalBoolean(String name, boolean absent) {
            if (!frame.containsKey(name) || frame.get(name) == JsonValue.NULL) {
                return absent;
            }
            JsonValue value = frame.get(name);
            if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
                return value == JsonValue.TRUE;
            }
            throw invalid(name, "true or false");
        }

        long id(String name) {
            long value = integer(name, Long.MAX_VALUE);
            if (value < 1) {
                throw invalid(name, "a positive integer");
            }
            return value;
        }

        OptionalLong optionalVersion(String name) {
            if (!frame.containsKey(name) || frame.get(name) == JsonValue.NULL) {
                return OptionalLong.empty();
            }
            long value = integer(name, Long.MAX_VALUE);
            if (value < 0) {
                throw invalid(name, "an integer of at least 0");
            }
            return OptionalLong.of(value);
        }

        int intAtLeast(String name, int min) {
            long value = integer(name, Integer.MAX_VALUE);
            if (value < min) {
                throw invalid(name, "an integer from " + min + " to " + Integer.MAX_VALUE);
            }
            return (int) value;
        }

        private long integer(String name, long max) {
            if (!(frame.get(name) instanceof JsonNumber n) || !n.isIntegral()
                    || n.bigIntegerValue().bitLength() > 63 || n.longValue() > max) {
                throw invalid(name, "an integer" + (max == Integer.MAX_VALUE ? " of at most " + max : ""));
            }
            return n.longValue();
        }

        private ProtocolException invalid(String name, String expected) {
            String problem = frame.containsKey(name) ? "must be " : "is required: ";
            return new ProtocolException(ErrorCodes.INVALID_FIELD, "'" + name + "' " + problem + expected, clientSeq, gameId);
        }
    }
}
