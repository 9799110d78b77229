package com.solduel.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LamportsTest {

    public record Stake(Lamports wager) {
    }

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withSerializers(new LamportsJson.Serializer())
            .withDeserializers(new LamportsJson.Deserializer()));

    @Test
    void theBoundariesAreExact() {
        assertThat(Lamports.parse("0")).isEqualTo(Lamports.ZERO);
        assertThat(Lamports.parse("9223372036854775807").value()).isEqualTo(Long.MAX_VALUE);
        assertThat(Lamports.parse("1000000000").toSolString()).isEqualTo("1");
        assertThat(Lamports.of(1).toSolString()).isEqualTo("0.000000001");
        assertThat(Lamports.of(1_500_000_000L).toSolString()).isEqualTo("1.5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808", "18446744073709551617", "1.0", "1e3", "1E3", "-1", "+1", "01",
            " 1", "", "0x10", "NaN", "1_000"})
    void anythingButAPlainWholeNumberInRangeIsRefused(String text) {
        assertThatThrownBy(() -> Lamports.parse(text))
                .isInstanceOf(InvalidAmountException.class)
                .hasMessageContaining("lamports");
    }

    @Test
    void aNegativeAmountCannotExist() {
        assertThatThrownBy(() -> Lamports.of(-1)).isInstanceOf(InvalidAmountException.class);
    }

    @Test
    void additionNeverWraps() {
        assertThatThrownBy(() -> Lamports.of(Long.MAX_VALUE).plus(Lamports.of(1))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void jsonIsAnIntegerBothWays() {
        assertThat(JSONB.toJson(new Stake(Lamports.of(Long.MAX_VALUE)))).isEqualTo("{\"wager\":9223372036854775807}");
        assertThat(JSONB.fromJson("{\"wager\":9223372036854775807}", Stake.class).wager().value()).isEqualTo(Long.MAX_VALUE);
        assertThat(JSONB.fromJson("{\"wager\":0}", Stake.class).wager()).isEqualTo(Lamports.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808", "1.0", "1e3", "5e0", "1E0", "-1", "-0", "\"1\"", "true", "[1]"})
    void jsonThatIsNotAnExactAmountIsRefused(String json) {
        assertThatThrownBy(() -> JSONB.fromJson("{\"wager\":" + json + "}", Stake.class))
                .satisfies(e -> assertThat(causes(e)).anyMatch(InvalidAmountException.class::isInstance));
    }

    private static java.util.List<Throwable> causes(Throwable e) {
        java.util.List<Throwable> list = new java.util.ArrayList<>();
        for (Throwable t = e; t != null && !list.contains(t); t = t.getCause()) {
            list.add(t);
        }
        return list;
    }
}
