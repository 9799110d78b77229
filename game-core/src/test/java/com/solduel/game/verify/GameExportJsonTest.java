package com.solduel.game.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.solduel.game.rules.GameType;
import com.solduel.game.rules.SimulatedGames;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GameExportJsonTest {

    final GameExport export = GameExport.of(SimulatedGames.play(SimulatedGames.setup(GameType.DUEL, 1, 21),
            new Random(21), 0.2));

    @Test
    void anExportSurvivesTheRoundTrip() throws Exception {
        String json = GameExportJson.write(export);

        assertThat(GameExportJson.read(json)).isEqualTo(export);
        assertThat(json).contains("\"format\": \"solduel-game-export/1\"", "\"timedOut\"", "\"actionLogSha256\"");
    }

    @Test
    void aDrawIsWrittenAsDraw() throws Exception {
        String json = GameExportJson.write(export).replaceFirst("\"outcome\": \"P[12]\"", "\"outcome\": \"DRAW\"");

        assertThat(GameExportJson.read(json).result().outcome().isDraw()).isTrue();
    }

    @Test
    void notJsonIsMalformed() {
        assertThatThrownBy(() -> GameExportJson.read("{ nope"))
                .isInstanceOf(MalformedExportException.class).hasMessageStartingWith("not a JSON object");
        assertThatThrownBy(() -> GameExportJson.read("[1, 2]")).isInstanceOf(MalformedExportException.class);
    }

    @Test
    void aMissingFieldIsNamedWithItsPath() throws Exception {
        String json = GameExportJson.write(export).replaceFirst("\"turn\": 1,", "");

        assertThatThrownBy(() -> GameExportJson.read(json))
                .isInstanceOf(MalformedExportException.class).hasMessage("actions[0].turn: missing");
    }

    @Test
    void aMistypedFieldIsNamedWithItsPath() throws Exception {
        String json = GameExportJson.write(export).replaceFirst("\"bestOf\": 1", "\"bestOf\": \"one\"");

        assertThatThrownBy(() -> GameExportJson.read(json))
                .isInstanceOf(MalformedExportException.class).hasMessageStartingWith("options.bestOf: expected a number");
    }

    @Test
    void fractionalNumbersAndUnknownSeatsAreMalformed() throws Exception {
        String fractional = GameExportJson.write(export).replaceFirst("\"seq\": 1,", "\"seq\": 1.5,");
        String badSeat = GameExportJson.write(export).replaceFirst("\"seat\": \"P[12]\"", "\"seat\": \"P3\"");

        assertThatThrownBy(() -> GameExportJson.read(fractional)).hasMessageContaining("actions[0].seq");
        assertThatThrownBy(() -> GameExportJson.read(badSeat)).hasMessageContaining("expected P1 or P2");
    }

    @Test
    void anotherFormatIsRefused() throws Exception {
        String json = GameExportJson.write(export).replace("solduel-game-export/1", "solduel-game-export/9");

        assertThatThrownBy(() -> GameExportJson.read(json)).hasMessageContaining("solduel-game-export/9");
    }

    @Test
    void anUnknownGameTypeIsMalformed() throws Exception {
        String json = GameExportJson.write(export).replace("\"DUEL\"", "\"CHESS\"");

        assertThatThrownBy(() -> GameExportJson.read(json)).hasMessageStartingWith("gameType:");
    }
}
