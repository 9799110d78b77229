package com.solduel.api.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.solduel.api.game.CreateGameRequest;
import com.solduel.api.problem.InvalidFieldException;
import com.solduel.money.Lamports;
import jakarta.json.JsonException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonBodyReaderTest {

    public record Stake(Lamports wager, long gameId) {
    }

    private final StrictJsonBodyReader reader = new StrictJsonBodyReader();

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <T> T read(Class<T> type, String json) throws IOException {
        return (T) reader.readFrom((Class) type, type, new Annotation[0], MediaType.APPLICATION_JSON_TYPE,
                new MultivaluedHashMap<>(), new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aWellFormedBodyIsBound() throws IOException {
        CreateGameRequest request = read(CreateGameRequest.class, "{\"gameType\":\"RPS\",\"bestOf\":3,\"clientSeed\":\"s\"}");
        assertThat(request.bestOf()).isEqualTo(3);
        assertThat(read(CreateGameRequest.class, "{\"gameType\":\"RPS\",\"bestOf\":2147483647}").bestOf()).isEqualTo(Integer.MAX_VALUE);
        assertThat(read(CreateGameRequest.class, "{\"gameType\":\"RPS\",\"bestOf\":null}").bestOf()).isNull();
        assertThat(read(CreateGameRequest.class, "  ")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4294967299", "-4294967291", "5.99", "5.0", "5e0", "1E1", "2147483648", "\"5\"", "true", "[5]"})
    void bestOfThatWouldWrapTruncateOrCoerceIsRefusedByName(String bestOf) {
        assertThatThrownBy(() -> read(CreateGameRequest.class, "{\"gameType\":\"RPS\",\"bestOf\":" + bestOf + "}"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("bestOf");
                    assertThat(e.code()).isEqualTo("invalid-number");
                });
    }

    @Test
    void aNumberWhereAStringBelongsIsRefused() {
        assertThatThrownBy(() -> read(CreateGameRequest.class, "{\"gameType\":7}"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.code()).isEqualTo("invalid-type"));
    }

    @Test
    void ratedIsAJsonBooleanOrAbsent() throws IOException {
        assertThat(read(CreateGameRequest.class, "{\"gameType\":\"RPS\",\"rated\":false}").rated()).isFalse();
        assertThat(read(CreateGameRequest.class, "{\"gameType\":\"RPS\"}").rated()).isNull();
        for (String coerced : new String[] {"\"true\"", "1", "0", "\"false\"", "[]", "{}"}) {
            assertThatThrownBy(() -> read(CreateGameRequest.class, "{\"gameType\":\"RPS\",\"rated\":" + coerced + "}"))
                    .as(coerced)
                    .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                        assertThat(e.code()).isEqualTo("invalid-type");
                        assertThat(e.field()).isEqualTo("rated");
                    });
        }
    }

    @Test
    void moneyAndLongsAreExact() throws IOException {
        Stake stake = read(Stake.class, "{\"wager\":9223372036854775807,\"gameId\":9223372036854775807}");
        assertThat(stake.wager().value()).isEqualTo(Long.MAX_VALUE);
        for (String wager : new String[] {"9223372036854775808", "1.0", "1e3", "-1", "\"1\""}) {
            assertThatThrownBy(() -> read(Stake.class, "{\"wager\":" + wager + ",\"gameId\":1}")).as(wager)
                    .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("wager"));
        }
        assertThatThrownBy(() -> read(Stake.class, "{\"gameId\":9223372036854775808}"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("gameId"));
    }

    @Test
    void malformedTrailingOrDeeplyNestedJsonIsRefused() {
        assertThatThrownBy(() -> read(CreateGameRequest.class, "{\"gameType\":")).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> read(CreateGameRequest.class, "{\"gameType\":\"RPS\"} trailing")).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> read(CreateGameRequest.class, "[1]")).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> read(CreateGameRequest.class, "[".repeat(40) + "]".repeat(40))).isInstanceOf(JsonException.class);
        // An exponent no BigDecimal holds (FuzzIT found it answered 500).
        assertThatThrownBy(() -> read(CreateGameRequest.class, "{\"a\":1e99999999999}")).isInstanceOf(JsonException.class);
        // A body over 64 KiB is a 413 WebApplicationException, which needs the server's JAX-RS runtime: RestEdgeIT.
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1023, 1024, 1025, 4096, 4097, 65_536, 65_537, 200_000})
    void aBodyIsReadWholeUpToOneBytePastTheLimit(int size) throws IOException {
        byte[] sent = new byte[size];
        java.util.Arrays.fill(sent, (byte) 'x');
        // Also from a stream that hands over a few bytes per read, as a socket does.
        for (java.io.InputStream in : java.util.List.of(new ByteArrayInputStream(sent), new java.io.FilterInputStream(new ByteArrayInputStream(sent)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 7));
            }
        })) {
            byte[] body = StrictJsonBodyReader.readBody(in);
            int expected = Math.min(size, StrictJsonBodyReader.MAX_BODY_BYTES + 1);
            assertThat(body).hasSize(expected);
            assertThat(new String(body, StandardCharsets.US_ASCII)).isEqualTo("x".repeat(expected));
        }
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aBodyInAnotherCharsetOrWithMalformedUtf8IsDecodedAsAReaderWould() throws IOException {
        byte[] latin1 = "{\"gameType\":\"RPS\",\"clientSeed\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        for (MediaType mediaType : java.util.List.of(MediaType.APPLICATION_JSON_TYPE.withCharset("ISO-8859-1"), MediaType.APPLICATION_JSON_TYPE)) {
            CreateGameRequest request = (CreateGameRequest) reader.readFrom((Class) CreateGameRequest.class, CreateGameRequest.class,
                    new Annotation[0], mediaType, new MultivaluedHashMap<>(), new ByteArrayInputStream(latin1));
            // Read as UTF-8 (the default), the lone byte 0xE9 becomes U+FFFD, as InputStreamReader made it.
            assertThat(request.clientSeed()).isEqualTo(mediaType.getParameters().isEmpty() ? "caf\ufffd" : "caf\u00e9");
        }
    }

    @Test
    void onlyJsonMediaTypesAreRead() {
        assertThat(StrictJsonBodyReader.isJson(MediaType.APPLICATION_JSON_TYPE)).isTrue();
        assertThat(StrictJsonBodyReader.isJson(new MediaType("application", "merge-patch+json"))).isTrue();
        assertThat(StrictJsonBodyReader.isJson(MediaType.WILDCARD_TYPE)).isFalse();
        assertThat(StrictJsonBodyReader.isJson(MediaType.TEXT_PLAIN_TYPE)).isFalse();
    }
}
