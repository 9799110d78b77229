package com.solduel.money;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * JSON-B binding of {@link Lamports}: a JSON integer, exactly. A string ({@code "1"}), a fraction,
 * an exponent, a negative or an out-of-range number is refused with {@link InvalidAmountException}.
 * Register both halves in the API's {@code JsonbConfig}.
 */
public final class LamportsJson {

    private LamportsJson() {
    }

    /** Writes the amount as a JSON integer. */
    public static final class Serializer implements JsonbSerializer<Lamports> {
        @Override
        public void serialize(Lamports amount, JsonGenerator generator, SerializationContext context) {
            generator.write(amount.value());
        }
    }

    /** Reads a JSON integer strictly. */
    public static final class Deserializer implements JsonbDeserializer<Lamports> {
        @Override
        public Lamports deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value instanceof JsonNumber) {
                return Lamports.parse(parser.getString()); // the number as written: 5e0 stays 5e0
            }
            return fromJson(value);
        }
    }

    /**
     * The amount a JSON value states, or {@link InvalidAmountException}. A {@link JsonNumber} built
     * by a parser may have lost its notation ({@code 5e0} reads as 5): check the text as written
     * first where the parser offers it.
     */
    public static Lamports fromJson(JsonValue value) {
        if (!(value instanceof JsonNumber number)) {
            throw new InvalidAmountException("an amount of lamports is a JSON integer, got " + value.getValueType()
                    .name().toLowerCase(java.util.Locale.ROOT));
        }
        return Lamports.parse(number.toString());
    }
}
