package com.solduel.game.fair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class ServerSeedTest {

    static final String SEED = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    @Test
    void commitmentIsSha256OfTheRawSeedBytesNotOfTheHexText() {
        assertThat(new ServerSeed(SEED).sha256Hex())
                .isEqualTo("630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd");
    }

    @Test
    void generatedSeedsAre32RandomBytes() {
        ServerSeed a = ServerSeed.generate(new SecureRandom());
        ServerSeed b = ServerSeed.generate();

        assertThat(a.hex()).hasSize(64).matches("[0-9a-f]+");
        assertThat(a.bytes()).hasSize(32);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void toStringNeverRevealsTheSeed() {
        ServerSeed seed = new ServerSeed(SEED);

        assertThat(seed.toString()).doesNotContain(SEED).contains(seed.sha256Hex());
    }

    @Test
    void matchesItsCommitmentIgnoringCase() {
        ServerSeed seed = new ServerSeed(SEED);

        assertThat(seed.matches(seed.sha256Hex().toUpperCase())).isTrue();
        assertThat(seed.matches("00" + seed.sha256Hex().substring(2))).isFalse();
        assertThat(seed.matches(null)).isFalse();
    }

    @Test
    void rejectsAnythingButSixtyFourLowercaseHexDigits() {
        assertThatThrownBy(() -> new ServerSeed(SEED.substring(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServerSeed(SEED.toUpperCase())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServerSeed("zz" + SEED.substring(2))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bytesAreACopy() {
        ServerSeed seed = new ServerSeed(SEED);
        seed.bytes()[0] = 42;

        assertThat(seed.bytes()[0]).isZero();
    }
}
