package com.solduel.api.input;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Reads one JSON document into a tree whose numbers keep the text they were written as: JSON-P's
 * own numbers are BigDecimals, which turn {@code 5e0} into 5 and would let an exponent pass as an
 * integer. Anything after the document is refused.
 */
final class RawJson {

    private static final JsonProvider JSON = JsonProvider.provider();

    /** Nesting deeper than this is refused before it costs anything (SPEC §16: JSON depth is capped). */
    static final int MAX_DEPTH = 32;

    private RawJson() {
    }

    static JsonValue read(Reader text) {
        try (JsonParser parser = JSON.createParser(text)) {
            if (!parser.hasNext()) {
                throw new JsonException("empty document");
            }
            JsonValue value = value(parser, parser.next(), 0);
            if (parser.hasNext()) {
                throw new JsonParsingException("content after the JSON document", parser.getLocation());
            }
            return value;
        }
    }

    private static JsonValue value(JsonParser parser, JsonParser.Event event, int depth) {
        if (depth > MAX_DEPTH) {
            throw new JsonParsingException("JSON nested deeper than " + MAX_DEPTH, parser.getLocation());
        }
        return switch (event) {
            case START_OBJECT -> {
                JsonObjectBuilder object = JSON.createObjectBuilder();
                for (JsonParser.Event next = parser.next(); next != JsonParser.Event.END_OBJECT; next = parser.next()) {
                    String key = parser.getString();
                    object.add(key, value(parser, parser.next(), depth + 1));
                }
                yield object.build();
            }
            case START_ARRAY -> {
                JsonArrayBuilder array = JSON.createArrayBuilder();
                for (JsonParser.Event next = parser.next(); next != JsonParser.Event.END_ARRAY; next = parser.next()) {
                    array.add(value(parser, next, depth + 1));
                }
                yield array.build();
            }
            case VALUE_STRING -> JSON.createValue(parser.getString());
            case VALUE_NUMBER -> new Number(parser.getString());
            case VALUE_TRUE -> JsonValue.TRUE;
            case VALUE_FALSE -> JsonValue.FALSE;
            case VALUE_NULL -> JsonValue.NULL;
            default -> throw new JsonParsingException("unexpected " + event, parser.getLocation());
        };
    }

    /** A JSON number as written; {@link #toString()} is that text. */
    static final class Number implements JsonNumber {
        private final String text;
        private final BigDecimal value;

        Number(String text) {
            this.text = text;
            try {
                this.value = new BigDecimal(text);
            } catch (NumberFormatException exponentBeyondAnInt) {
                // 1e99999999999: valid JSON, but no BigDecimal can hold it; a client's mistake, not a 500
                throw new JsonException("a number out of range: " + (text.length() > 32 ? text.substring(0, 32) + "…" : text));
            }
        }

        @Override
        public boolean isIntegral() {
            return value.scale() == 0;
        }

        @Override
        public int intValue() {
            return value.intValue();
        }

        @Override
        public int intValueExact() {
            return value.intValueExact();
        }

        @Override
        public long longValue() {
            return value.longValue();
        }

        @Override
        public long longValueExact() {
            return value.longValueExact();
        }

        @Override
        public BigInteger bigIntegerValue() {
            return value.toBigInteger();
        }

        @Override
        public BigInteger bigIntegerValueExact() {
            return value.toBigIntegerExact();
        }

        @Override
        public double doubleValue() {
            return value.doubleValue();
        }

        @Override
        public BigDecimal bigDecimalValue() {
            return value;
        }

        @Override
        public ValueType getValueType() {
            return ValueType.NUMBER;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof JsonNumber number && value.equals(number.bigDecimalValue());
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
