package com.solduel.api.input;

import com.solduel.api.problem.InvalidFieldException;
import com.solduel.money.InvalidAmountException;
import com.solduel.money.Lamports;
import com.solduel.money.LamportsJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Binds a JSON request body to one of the API's request records, strictly: the body is read as
 * JSON first and every value is checked against the record component it fills — an integer
 * component takes only a JSON integer in its range (no fraction, exponent or string), a
 * {@link Lamports} component only an exact amount, a string component only a JSON string —
 * then JSON-B binds it. Bodies larger than {@link #MAX_BODY_BYTES} are refused (413).
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class StrictJsonBodyReader implements MessageBodyReader<Record> {

    /** The largest request body any operation of the API needs, with room to spare. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord() && type.getName().startsWith("com.solduel.") && isJson(mediaType);
    }

    static boolean isJson(MediaType mediaType) {
        if (mediaType == null || mediaType.isWildcardType() || mediaType.isWildcardSubtype()) {
            return false;
        }
        String subtype = mediaType.getSubtype().toLowerCase(Locale.ROOT);
        return "application".equalsIgnoreCase(mediaType.getType()) && (subtype.equals("json") || subtype.endsWith("+json"));
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        byte[] body = readBody(entity);
        if (body.length > MAX_BODY_BYTES) {
            throw new WebApplicationException(Response.Status.REQUEST_ENTITY_TOO_LARGE);
        }
        if (isBlank(body)) {
            return null; // the operation's @NotNull says which body it wants
        }
        // new String decodes as InputStreamReader did: malformed input becomes U+FFFD.
        JsonValue json = RawJson.read(new StringReader(new String(body, charset(mediaType))));
        check(json, type, null);
        return type.cast(ApiJson.JSONB.fromJson(json.toString(), genericType));
    }

    /** Refuses a value that the component of {@code type} it fills would wrap, round or coerce. */
    static void check(JsonValue value, Type type, String field) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return; // presence is Bean Validation's business
        }
        Class<?> raw = raw(type);
        if (StrictNumbers.isIntegerType(raw)) {
            if (!(value instanceof JsonNumber number)) {
                throw InvalidFieldException.number(field, field + " must be a JSON integer, got " + kind(value));
            }
            StrictNumbers.parse(field, number.toString(), raw);
        } else if (raw == Lamports.class) {
            try {
                LamportsJson.fromJson(value);
            } catch (InvalidAmountException e) {
                throw InvalidFieldException.number(field, field + ": " + e.getMessage());
            }
        } else if (raw == Boolean.class || raw == boolean.class) {
            if (value.getValueType() != JsonValue.ValueType.TRUE && value.getValueType() != JsonValue.ValueType.FALSE) {
                throw InvalidFieldException.type(field, field + " must be a JSON boolean (true or false), got " + kind(value));
            }
        } else if (raw == String.class) {
            if (!(value instanceof JsonString)) {
                throw InvalidFieldException.type(field, field + " must be a JSON string, got " + kind(value));
            }
        } else if (raw.isRecord()) {
            if (!(value instanceof JsonObject object)) {
                throw InvalidFieldException.type(field == null ? "body" : field,
                        (field == null ? "the body" : field) + " must be a JSON object, got " + kind(value));
            }
            for (Component component : COMPONENTS.get(raw)) {
                String name = component.jsonName();
                check(object.get(name), component.type(), field == null ? name : field + "." + name);
            }
        } else if (Collection.class.isAssignableFrom(raw) && type instanceof ParameterizedType list) {
            if (!(value instanceof JsonArray array)) {
                throw InvalidFieldException.type(field, field + " must be a JSON array, got " + kind(value));
            }
            for (int i = 0; i < array.size(); i++) {
                check(array.get(i), list.getActualTypeArguments()[0], field + "[" + i + "]");
            }
        }
    }

    /** A record component as the body names it: its JSON name and its declared type. */
    private record Component(String jsonName, Type type) {
    }

    /**
     * Each record's components, read once per class: {@code getRecordComponents()} parses the
     * generic signatures and each accessor copy parses its annotations again on every call.
     */
    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> record) {
            return Arrays.stream(record.getRecordComponents())
                    .map(c -> new Component(jsonName(c), c.getGenericType()))
                    .toList();
        }
    };

    private static String jsonName(RecordComponent component) {
        JsonbProperty property = component.getAccessor().getAnnotation(JsonbProperty.class);
        if (property == null) {
            property = component.getAnnotation(JsonbProperty.class);
        }
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    private static String kind(JsonValue value) {
        return switch (value.getValueType()) {
            case NUMBER -> "a number";
            case STRING -> "a string";
            case TRUE, FALSE -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
        };
    }

    /**
     * The body's bytes, up to one byte past {@link #MAX_BODY_BYTES}, read into a 1 KiB buffer that
     * grows fourfold: a request body is ~100 bytes, and {@code readNBytes(int)} or an
     * {@code InputStreamReader} would allocate 8-16 KiB for each (4 % of what a game load allocated).
     */
    static byte[] readBody(InputStream entity) throws IOException {
        byte[] buffer = new byte[1024];
        int length = entity.readNBytes(buffer, 0, buffer.length);
        while (length == buffer.length && length <= MAX_BODY_BYTES) {
            buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 4, MAX_BODY_BYTES + 1));
            length += entity.readNBytes(buffer, length, buffer.length - length);
        }
        return Arrays.copyOf(buffer, length);
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static Charset charset(MediaType mediaType) {
        String name = mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (RuntimeException unknown) {
            throw new WebApplicationException(Response.Status.UNSUPPORTED_MEDIA_TYPE);
        }
    }
}
