package com.solduel.game.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.solduel.game.rules.Outcome;
import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example export in docs/games.md must stay a game the verifier accepts. */
class DocumentedExampleTest {

    static final Path GAMES_DOC = Path.of("..", "docs", "games.md");
    static final String MARKER = "<!-- example-export -->";

    @Test
    void theExampleExportInTheDocsIsVerified() throws Exception {
        assertThat(GAMES_DOC).as("docs/games.md, read from the game-core module directory").exists();
        String doc = Files.readString(GAMES_DOC);
        int marker = doc.indexOf(MARKER);
        assertThat(marker).as("the %s marker in docs/games.md", MARKER).isNotNegative();
        int start = doc.indexOf("```json", marker) + "```json".length();
        String json = doc.substring(start, doc.indexOf("```", start));

        GameExport export = GameExportJson.read(json);
        VerificationReport report = new Verifier().verify(export);

        assertThat(report.mismatches()).isEmpty();
        assertThat(report.replayed()).isEqualTo(new ClaimedResult(Outcome.win(Seat.P1, "ROUNDS_WON"), 4,
                new PerSeat<>(2, 0)));
    }
}
