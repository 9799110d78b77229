package com.solduel.game.fair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class ClientSeedTest {

    @Test
    void acceptsOneToSixtyFourPrintableAsciiCharacters() {
        assertThat(new ClientSeed("x").value()).isEqualTo("x");
        assertThat(new ClientSeed("~!lucky_7#".repeat(6) + "abcd").value()).hasSize(64);
    }

    @Test
    void rejectsEmptyTooLongSpacesAndNonAscii() {
        assertThatThrownBy(() -> new ClientSeed("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientSeed("a".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientSeed("two words")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientSeed("héllo")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomSeedIsThirtyTwoHexDigits() {
        assertThat(ClientSeed.random(new SecureRandom()).value()).matches("[0-9a-f]{32}");
    }
}
