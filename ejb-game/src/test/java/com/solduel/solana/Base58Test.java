package com.solduel.solana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base58Test {

    @Test
    void knownVectors() {
        assertThat(Base58.encode("Hello World!".getBytes())).isEqualTo("2NEpo7TZRRrLZSi2U");
        assertThat(Base58.encode(HexFormat.of().parseHex("00000000287fb4cd"))).isEqualTo("1111233QC4");
        assertThat(Base58.decode("1111233QC4")).isEqualTo(HexFormat.of().parseHex("00000000287fb4cd"));
        // The System Program id is 32 zero bytes.
        assertThat(Base58.decode("11111111111111111111111111111111")).hasSize(32).containsOnly(0);
    }

    @Test
    void roundTripsRandomKeys() {
        Random random = new Random(42);
        for (int i = 0; i < 1000; i++) {
            byte[] bytes = new byte[random.nextInt(70)];
            random.nextBytes(bytes);
            if (bytes.length > 0 && i % 7 == 0) {
                bytes[0] = 0;
            }
            assertThat(Base58.decode(Base58.encode(bytes))).isEqualTo(bytes);
        }
    }

    @Test
    void rejectsCharactersOutsideTheAlphabetNamingThem() {
        assertThatThrownBy(() -> Base58.decode("abc0def")).hasMessageContaining("'0' at position 3");
        assertThatThrownBy(() -> Base58.decode("Il")).hasMessageContaining("'I'");
        assertThatThrownBy(() -> Base58.decode("é")).isInstanceOf(IllegalArgumentException.class);
    }
}
