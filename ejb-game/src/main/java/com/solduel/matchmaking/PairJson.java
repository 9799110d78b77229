package com.solduel.matchmaking;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;

/** Reads a pending pair as the pairing script wrote it (cjson: strings and one number). */
final class PairJson {

    private static final JsonProvider JSON = JsonProvider.provider();

    private PairJson() {
    }

    static Map<String, String> read(String text) {
        JsonObject json;
        try (var reader = JSON.createReader(new StringReader(text))) {
            json = reader.readObject();
        }
        Map<String, String> fields = new HashMap<>();
        json.forEach((key, value) -> fields.put(key, value.getValueType() == JsonValue.ValueType.STRING
                ? json.getString(key) : value.toString()));
        return fields;
    }
}
