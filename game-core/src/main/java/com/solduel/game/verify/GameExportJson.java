package com.solduel.game.verify;

import com.solduel.game.rules.ForfeitCause;
import com.solduel.game.rules.Forfeited;
import com.solduel.game.rules.GameOptions;
import com.solduel.game.rules.GameType;
import com.solduel.game.rules.LoggedAction;
import com.solduel.game.rules.Outcome;
import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads and writes {@link GameExport} as the JSON documented in {@code docs/games.md}, with Jakarta JSON-P. */
public final class GameExportJson {

    // Looked up once: every static Json.createX() call repeats the ServiceLoader search.
    private static final JsonProvider JSON = JsonProvider.provider();

    private GameExportJson() {
    }

    /** The export as pretty-printed JSON. */
    public static String write(GameExport export) {
        JsonArrayBuilder actions = JSON.createArrayBuilder();
        for (LoggedAction entry : export.actions()) {
            // "seq" first, then the fields every encoding of an action shares.
            actions.add(JSON.createObjectBuilder().add("seq", entry.sequence())
                    .addAll(LoggedActionJson.fields(entry)));
        }
        ClaimedResult result = export.result();
        JsonArrayBuilder forfeits = JSON.createArrayBuilder();
        result.forfeits().forEach(f -> forfeits.add(JSON.createObjectBuilder().add("seat", f.seat().name())
                .add("cause", f.cause().name())));
        JsonObject json = JSON.createObjectBuilder()
                .add("format", GameExport.FORMAT)
                .add("gameId", export.gameId())
                .add("gameType", export.gameType().name())
                .add("rulesVersion", export.rulesVersion())
                .add("options", JSON.createObjectBuilder().add("bestOf", export.options().bestOf()))
                .add("serverSeed", export.serverSeed())
                .add("serverSeedSha256", export.serverSeedSha256())
                .add("clientSeeds", perSeat(export.clientSeeds().map(JSON::createValue)))
                .add("actions", actions)
                .add("actionLogSha256", export.actionLogSha256())
                .add("result", JSON.createObjectBuilder()
                        .add("outcome", result.outcome().code())
                        .add("reason", result.outcome().reason())
                        .add("turnsPlayed", result.turnsPlayed())
                        .add("score", perSeat(result.score().map(JSON::createValue)))
                        .add("forfeits", forfeits))
                .build();
        StringWriter out = new StringWriter();
        try (JsonWriter writer = JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(out)) {
            writer.writeObject(json);
        }
        return out.toString().strip() + "\n";
    }

    /** Parses an export; any missing or mistyped field is a {@link MalformedExportException} naming it. */
    public static GameExport read(Reader in) throws MalformedExportException {
        JsonObject root;
        try (var reader = JSON.createReader(in)) {
            root = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new MalformedExportException("not a JSON object: " + e.getMessage(), e);
        }
        Fields top = new Fields(root, "");
        String format = top.string("format");
        if (!GameExport.FORMAT.equals(format) && !GameExport.FORMAT_1.equals(format)) {
            throw new MalformedExportException("format is '" + format + "', this verifier reads " + GameExport.FORMAT
                    + " and " + GameExport.FORMAT_1);
        }
        GameType type;
        try {
            type = GameType.parse(top.string("gameType"));
        } catch (IllegalArgumentException e) {
            throw new MalformedExportException("gameType: " + e.getMessage(), e);
        }
        Fields options = top.object("options");
        Fields clientSeeds = top.object("clientSeeds");
        Fields result = top.object("result");
        Fields score = result.object("score");

        List<LoggedAction> actions = new ArrayList<>();
        JsonArray array = top.array("actions");
        for (int i = 0; i < array.size(); i++) {
            Fields entry = top.element(array, i, "actions");
            actions.add(new LoggedAction(entry.integer("seq"), entry.seat("seat"), entry.integer("turn"),
                    entry.string("action"), entry.bool("timedOut")));
        }

        List<Forfeited> forfeits = new ArrayList<>();
        if (GameExport.FORMAT.equals(format)) {
            JsonArray forfeitArray = result.array("forfeits");
            for (int i = 0; i < forfeitArray.size(); i++) {
                Fields entry = result.element(forfeitArray, i, "forfeits");
                String cause = entry.string("cause");
                try {
                    forfeits.add(new Forfeited(entry.seat("seat"), ForfeitCause.valueOf(cause)));
                } catch (IllegalArgumentException e) {
                    throw new MalformedExportException("result.forfeits[" + i + "].cause: expected MISSED_TURNS or ABSENT, found '"
                            + cause + "'", e);
                }
            }
        }

        String outcomeCode = result.string("outcome");
        Outcome outcome = "DRAW".equals(outcomeCode)
                ? Outcome.draw(result.string("reason"))
                : Outcome.win(result.seat("outcome"), result.string("reason"));

        return new GameExport(top.longValue("gameId"), type, top.integer("rulesVersion"),
                new GameOptions(options.integer("bestOf")), top.string("serverSeed"), top.string("serverSeedSha256"),
                new PerSeat<>(clientSeeds.string("P1"), clientSeeds.string("P2")), actions,
                top.string("actionLogSha256"),
                new ClaimedResult(outcome, result.integer("turnsPlayed"),
                        new PerSeat<>(score.integer("P1"), score.integer("P2")), forfeits));
    }

    /** Parses an export from a string. */
    public static GameExport read(String json) throws MalformedExportException {
        return read(new StringReader(json));
    }

    private static JsonObjectBuilder perSeat(PerSeat<? extends JsonValue> values) {
        return JSON.createObjectBuilder().add("P1", values.p1()).add("P2", values.p2());
    }

    /** Typed access to one JSON object, with its path for error messages. */
    private record Fields(JsonObject json, String path) {

        private String at(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        private <T extends JsonValue> T get(String name, Class<T> type, String expected)
                throws MalformedExportException {
            JsonValue value = json.get(name);
            if (value == null) {
                throw new MalformedExportException(at(name) + ": missing");
            }
            if (!type.isInstance(value)) {
                throw new MalformedExportException(at(name) + ": expected " + expected + ", found " + value);
            }
            return type.cast(value);
        }

        String string(String name) throws MalformedExportException {
            return get(name, JsonString.class, "a string").getString();
        }

        int integer(String name) throws MalformedExportException {
            return (int) integral(name, n -> (long) n.intValueExact());
        }

        long longValue(String name) throws MalformedExportException {
            return integral(name, JsonNumber::longValueExact);
        }

        private long integral(String name, Function<JsonNumber, Long> exact) throws MalformedExportException {
            JsonNumber number = get(name, JsonNumber.class, "a number");
            try {
                return exact.apply(number);
            } catch (ArithmeticException e) {
                throw new MalformedExportException(at(name) + ": expected an integer in range, found " + number, e);
            }
        }

        boolean bool(String name) throws MalformedExportException {
            JsonValue value = json.get(name);
            if (value == null) {
                throw new MalformedExportException(at(name) + ": missing");
            }
            return switch (value.getValueType()) {
                case TRUE -> true;
                case FALSE -> false;
                default -> throw new MalformedExportException(at(name) + ": expected true or false, found " + value);
            };
        }

        Seat seat(String name) throws MalformedExportException {
            String value = string(name);
            try {
                return Seat.valueOf(value);
            } catch (IllegalArgumentException e) {
                throw new MalformedExportException(at(name) + ": expected P1 or P2, found '" + value + "'", e);
            }
        }

        Fields object(String name) throws MalformedExportException {
            return new Fields(get(name, JsonObject.class, "an object"), at(name));
        }

        JsonArray array(String name) throws MalformedExportException {
            return get(name, JsonArray.class, "an array");
        }

        Fields element(JsonArray array, int index, String name) throws MalformedExportException {
            String where = at(name) + "[" + index + "]";
            if (!(array.get(index) instanceof JsonObject object)) {
                throw new MalformedExportException(where + ": expected an object");
            }
            return new Fields(object, where);
        }
    }
}
