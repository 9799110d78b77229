package com.solduel.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class EloTest {

    @Test
    void equalPlayersMoveSixteenPoints() {
        assertThat(Elo.after(1000, 1000, 1.0)).isEqualTo(new Elo.Change(1016, 984, 16));
        assertThat(Elo.after(1000, 1000, 0.0)).isEqualTo(new Elo.Change(984, 1016, -16));
        assertThat(Elo.after(1000, 1000, 0.5)).isEqualTo(new Elo.Change(1000, 1000, 0));
    }

    @Test
    void upsetsMoveMoreThanExpectedResults() {
        assertThat(Elo.after(1200, 1000, 1.0).deltaA()).isEqualTo(8);
        assertThat(Elo.after(1000, 1200, 1.0).deltaA()).isEqualTo(24);
        assertThat(Elo.after(1400, 1000, 0.5).deltaA()).isEqualTo(-13);
    }

    @Test
    void onlyWinDrawOrLossScores() {
        assertThatThrownBy(() -> Elo.after(1000, 1000, 0.7)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void ratingPointsAreNeitherCreatedNorDestroyed(@ForAll @IntRange(min = 100, max = 3000) int a,
                                                   @ForAll @IntRange(min = 100, max = 3000) int b) {
        for (double score : new double[] {0.0, 0.5, 1.0}) {
            Elo.Change change = Elo.after(a, b, score);
            assertThat(change.newA() + change.newB()).isEqualTo(a + b);
            assertThat(Math.abs(change.deltaA())).isLessThanOrEqualTo(Elo.K);
        }
    }
}
