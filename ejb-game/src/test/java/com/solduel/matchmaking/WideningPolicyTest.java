package com.solduel.matchmaking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The widening curve of docs/matchmaking.md, against worked values. */
class WideningPolicyTest {

    private static final WideningPolicy RATED = new WideningPolicy(50, 50, 5_000, 400);
    private static final WideningPolicy UNRATED = new WideningPolicy(100, 100, 5_000, WideningPolicy.UNLIMITED);

    @Test
    void theRatedRangeStartsAtFiftyAndGrowsFiftyPerFiveSecondsUpToFourHundred() {
        assertThat(RATED.width(0)).isEqualTo(50);
        assertThat(RATED.width(4_999)).isEqualTo(50);
        assertThat(RATED.width(5_000)).isEqualTo(100);
        assertThat(RATED.width(10_000)).isEqualTo(150);
        assertThat(RATED.width(15_000)).isEqualTo(200);
        assertThat(RATED.width(30_000)).isEqualTo(350);
        assertThat(RATED.width(35_000)).isEqualTo(400);
        assertThat(RATED.width(299_000)).isEqualTo(400);
        assertThat(RATED.widening(30_000)).isTrue();
        assertThat(RATED.widening(35_000)).isFalse();
    }

    @Test
    void theUnratedRangeKeepsWidening() {
        assertThat(UNRATED.width(0)).isEqualTo(100);
        assertThat(UNRATED.width(60_000)).isEqualTo(1_300);
        assertThat(UNRATED.width(299_999)).isEqualTo(6_000);
        assertThat(UNRATED.widening(299_999)).isTrue();
    }

    @Test
    void aRangeIsCentredOnTheRatingAndNeverOverflows() {
        assertThat(RATED.range(1000, 12_000)).isEqualTo(new SearchRange(850, 1150));
        assertThat(new WideningPolicy(0, Integer.MAX_VALUE, 1, WideningPolicy.UNLIMITED).range(1000, Long.MAX_VALUE))
                .isEqualTo(new SearchRange(1000 - Integer.MAX_VALUE, Integer.MAX_VALUE));
        assertThat(RATED.width(-5)).as("a clock step backwards").isEqualTo(50);
    }

    @Test
    void aPolicyThatCannotWorkIsRefused() {
        assertThatThrownBy(() -> new WideningPolicy(50, 50, 0, 400)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WideningPolicy(500, 50, 5_000, 400)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WideningPolicy(-1, 50, 5_000, 400)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBucketNamesItsKeysWithOneHashTag() {
        Bucket bucket = Bucket.parse("RPS:0:rated");
        assertThat(bucket.queueKey()).isEqualTo("matchmaking:queue:{RPS:0:rated}");
        assertThat(bucket.sinceKey()).isEqualTo("matchmaking:queue:{RPS:0:rated}:since");
        assertThat(bucket.pendingKey()).isEqualTo("matchmaking:queue:{RPS:0:rated}:pending");
        assertThat(Bucket.parse("DUEL:0:unrated").rated()).isFalse();
        assertThatThrownBy(() -> Bucket.parse("RPS:-1:rated")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> Bucket.parse("RPS:0:maybe")).isInstanceOf(IllegalArgumentException.class);
    }
}
