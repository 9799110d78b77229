package com.solduel.game.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.solduel.game.rules.duel.DuelRules;
import com.solduel.game.rules.rps.RpsRules;
import org.junit.jupiter.api.Test;

class GameTypesTest {

    @Test
    void theDatabaseTypeNamesFindTheirRules() {
        assertThat(GameTypes.rulesFor("RPS")).isInstanceOf(RpsRules.class);
        assertThat(GameTypes.rulesFor("duel")).isInstanceOf(DuelRules.class);
        for (GameType type : GameType.values()) {
            assertThat(GameTypes.rulesFor(type).type()).isEqualTo(type);
        }
    }

    @Test
    void anUnknownTypeIsRefusedByName() {
        assertThatThrownBy(() -> GameTypes.rulesFor("CHESS"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CHESS").hasMessageContaining("DUEL, RPS");
    }
}
