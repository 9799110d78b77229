package com.solduel.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import com.solduel.rating.RatingScheme.Change;
import com.solduel.rating.RatingScheme.Standing;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The worked examples of docs/ratings.md, computed by hand here. */
class RatingSchemeTest {

    private static final RatingScheme SCHEME = RatingScheme.DEFAULT;

    @Test
    void kIsFortyForTheFirstThirtyRatedGamesThenTwenty() {
        assertThat(SCHEME.k(0)).isEqualTo(40);
        assertThat(SCHEME.k(29)).isEqualTo(40);   // the 30th rated game
        assertThat(SCHEME.k(30)).isEqualTo(20);   // the 31st
        assertThat(SCHEME.k(5000)).isEqualTo(20);
    }

    @Test
    void twoNewPlayersAt1000MoveTwentyPointsEach() {
        // E = 1 / (1 + 10^0) = 0.5; K = 40: 40 × (1 − 0.5) = +20, 40 × (0 − 0.5) = −20.
        assertThat(SCHEME.rate(new Standing(1000, 0), new Standing(1000, 0), 1.0)).isEqualTo(new Change(1020, 980));
        assertThat(SCHEME.rate(new Standing(1000, 0), new Standing(1000, 0), 0.0)).isEqualTo(new Change(980, 1020));
        assertThat(SCHEME.rate(new Standing(1000, 0), new Standing(1000, 0), 0.5)).isEqualTo(new Change(1000, 1000));
    }

    @Test
    void twoEstablishedPlayersAt1000MoveTenPointsEach() {
        assertThat(SCHEME.rate(new Standing(1000, 30), new Standing(1000, 30), 1.0)).isEqualTo(new Change(1010, 990));
    }

    @Test
    void aDrawAgainstAWeakerPlayerCostsTheStrongerOne() {
        // E(1200 vs 1000) = 1 / (1 + 10^(−200/400)) = 1 / 1.316228 = 0.759747; E(1000 vs 1200) = 0.240253.
        // K = 20: 20 × (0.5 − 0.759747) = −5.19 → −5; 20 × (0.5 − 0.240253) = +5.19 → +5.
        assertThat(RatingScheme.expectedScore(1200, 1000)).isCloseTo(0.759747, offset(1e-6));
        assertThat(SCHEME.rate(new Standing(1200, 40), new Standing(1000, 40), 0.5)).isEqualTo(new Change(1195, 1005));
    }

    @Test
    void anUpsetMovesMoreThanAnExpectedWin() {
        // 20 × (1 − 0.240253) = 15.19 → +15 and 20 × (0 − 0.759747) = −15.19 → −15;
        // 20 × (1 − 0.759747) = 4.81 → +5 and 20 × (0 − 0.240253) = −4.81 → −5.
        assertThat(SCHEME.rate(new Standing(1000, 40), new Standing(1200, 40), 1.0)).isEqualTo(new Change(1015, 1185));
        assertThat(SCHEME.rate(new Standing(1200, 40), new Standing(1000, 40), 1.0)).isEqualTo(new Change(1205, 995));
    }

    @Test
    void aProvisionalPlayerMovesByFortyAndTheEstablishedOneByTwentySoTheGameIsNotZeroSum() {
        // Both 1000: E = 0.5. Provisional winner +40 × 0.5 = +20; established loser −20 × 0.5 = −10.
        Change change = SCHEME.rate(new Standing(1000, 3), new Standing(1000, 100), 1.0);
        assertThat(change).isEqualTo(new Change(1020, 990));
        assertThat(change.newA() + change.newB()).isEqualTo(2010);
    }

    @Test
    void noRatingGoesBelowTheFloor() {
        // 105 vs 105, K = 20: 105 − 10 = 95, held at the floor 100 (a change of −5).
        assertThat(SCHEME.rate(new Standing(105, 50), new Standing(105, 50), 0.0)).isEqualTo(new Change(100, 115));
        // Already at the floor: a loss leaves it there.
        assertThat(SCHEME.rate(new Standing(100, 50), new Standing(100, 50), 0.0)).isEqualTo(new Change(100, 110));
    }

    @Test
    void theValuesAreConfigurable() {
        RatingScheme fixed32 = new RatingScheme(32, 32, 0, 0);
        assertThat(fixed32.rate(new Standing(1000, 0), new Standing(1000, 0), 1.0)).isEqualTo(new Change(1016, 984));
    }

    @Test
    void refusesWhatCannotBeRated() {
        assertThatThrownBy(() -> SCHEME.rate(new Standing(1000, 0), new Standing(1000, 0), 0.7))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Standing(1000, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RatingScheme(0, 20, 30, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RatingScheme(40, 20, 30, 1001)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void withOneKAndAboveTheFloorAGameIsZeroSumUpToRoundingAndMovesAtMostK(
            @ForAll @IntRange(min = 300, max = 3000) int a, @ForAll @IntRange(min = 300, max = 3000) int b,
            @ForAll @IntRange(min = 0, max = 100) int games) {
        for (double score : new double[] {0.0, 0.5, 1.0}) {
            Change change = SCHEME.rate(new Standing(a, games), new Standing(b, games), score);
            assertThat(Math.abs(change.newA() - a)).isLessThanOrEqualTo(SCHEME.k(games));
            // Each side rounds its own change, so at most one point apart.
            assertThat(Math.abs((change.newA() - a) + (change.newB() - b))).isLessThanOrEqualTo(1);
        }
    }

    @Property
    void neverBelowTheFloor(@ForAll @IntRange(min = 100, max = 3000) int a, @ForAll @IntRange(min = 100, max = 3000) int b,
                            @ForAll @IntRange(min = 0, max = 100) int gamesA, @ForAll @IntRange(min = 0, max = 100) int gamesB) {
        for (double score : new double[] {0.0, 0.5, 1.0}) {
            Change change = SCHEME.rate(new Standing(a, gamesA), new Standing(b, gamesB), score);
            assertThat(change.newA()).isGreaterThanOrEqualTo(100);
            assertThat(change.newB()).isGreaterThanOrEqualTo(100);
        }
    }
}
