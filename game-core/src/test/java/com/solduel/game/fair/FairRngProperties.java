package com.solduel.game.fair;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class FairRngProperties {

    @Property(tries = 500)
    void everyDrawIsInRangeAndRepeatable(@ForAll("seeds") String serverSeed, @ForAll @IntRange(max = 1000) int turn,
                                         @ForAll @IntRange(max = 64) int index,
                                         @ForAll @IntRange(min = 1) int bound) {
        FairRng rng = FairRng.of(new ServerSeed(serverSeed), new ClientSeed("a"), new ClientSeed("b"));

        int draw = rng.draw(turn, index, bound);

        assertThat(draw).isBetween(0, bound - 1);
        assertThat(FairRng.of(new ServerSeed(serverSeed), new ClientSeed("a"), new ClientSeed("b"))
                .draw(turn, index, bound)).isEqualTo(draw);
    }

    @Property(tries = 500)
    void rejectionSamplingAcceptsExactlyTheWordsBelowTheLargestMultiple(@ForAll long word,
                                                                        @ForAll @LongRange(min = 1, max = Integer.MAX_VALUE) long bound) {
        int n = (int) bound;
        // 2^64 = q·n + r: the last r words (from 2^64 - r upwards) must be rejected.
        BigInteger twoTo64 = BigInteger.ONE.shiftLeft(64);
        BigInteger limit = twoTo64.subtract(twoTo64.mod(BigInteger.valueOf(n)));
        boolean accepted = new BigInteger(Long.toUnsignedString(word)).compareTo(limit) < 0;
        long fallback = 5;

        int result = FairRng.uniformBelow(n, attempt -> attempt == 0 ? word : fallback);

        assertThat(result).isEqualTo(accepted ? (int) Long.remainderUnsigned(word, n) : (int) (fallback % n));
    }

    @Provide
    Arbitrary<String> seeds() {
        return Arbitraries.bytes().array(byte[].class).ofSize(ServerSeed.BYTES).map(HexFormat.of()::formatHex);
    }
}
