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
        assertThat(json).contains("\"format\": \"solduel-game-export/2\"", "\"timedOut\"", "\"actionLogSha256\"",
                "\"forfeits\"");
    }

    @Test
    void whoForfeitedAndWhySurviveTheRoundTrip() throws Exception {
        GameExport forfeited = new GameExport(export.gameId(), export.gameType(), export.rulesVersion(), export.options(),
                export.serverSeed(), export.serverSeedSha256(), export.clientSeeds(), export.actions(),
                export.actionLogSha256(), new ClaimedResult(com.solduel.game.rules.Outcome.draw("ABANDONED"),
                        export.result().turnsPlayed(), export.result().score(),
                        java.util.List.of(new com.solduel.game.rules.Forfeited(com.solduel.game.rules.Seat.P1,
                                        com.solduel.game.rules.ForfeitCause.ABSENT),
                                new com.solduel.game.rules.Forfeited(com.solduel.game.rules.Seat.P2,
                                        com.solduel.game.rules.ForfeitCause.MISSED_TURNS))));
        assertThat(GameExportJson.read(GameExportJson.write(forfeited))).isEqualTo(forfeited);
    }

    @Test
    void anExportOfTheFirstFormatIsStillReadWithoutForfeits() throws Exception {
        String json = GameExportJson.write(export).replace("solduel-game-export/2", "solduel-game-export/1")
                .replaceAll(",\\s*\"forfeits\": \\[\\s*]", "");
        assertThat(json).doesNotContain("forfeits");
        assertThat(GameExportJson.read(json)).isEqualTo(export);
    }

    @Test
    void anUnknownForfeitCauseIsMalformed() throws Exception {
        String json = GameExportJson.write(export).replaceAll("\"forfeits\": \\[\\s*]",
                "\"forfeits\": [{\"seat\": \"P1\", \"cause\": \"BORED\"}]");
        assertThatThrownBy(() -> GameExportJson.read(json)).hasMessageContaining("BORED");
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
        String json = GameExportJson.write(export).replace("solduel-game-export/2", "solduel-game-export/9");

        assertThatThrownBy(() -> GameExportJson.read(json)).hasMessageContaining("solduel-game-export/9");
    }

    @Test
    void anUnknownGameTypeIsMalformed() throws Exception {
        String json = GameExportJson.write(export).replace("\"DUEL\"", "\"CHESS\"");

        assertThatThrownBy(() -> GameExportJson.read(json)).hasMessageStartingWith("gameType:");
    }
}
