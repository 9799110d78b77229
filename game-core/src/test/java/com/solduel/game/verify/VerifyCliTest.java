package com.solduel.game.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.solduel.game.rules.GameType;
import com.solduel.game.rules.SimulatedGames;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCliTest {

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    final GameExport export = GameExport.of(SimulatedGames.play(SimulatedGames.setup(GameType.RPS, 5, 3),
            new Random(3), 0.1));

    @Test
    void anHonestExportPrintsVerifiedAndExitsZero() throws Exception {
        int status = run(write(GameExportJson.write(export)));

        assertThat(status).isEqualTo(VerifyCli.VERIFIED);
        assertThat(out()).startsWith("VERIFIED game " + export.gameId() + " (RPS, best of 5): ");
    }

    @Test
    void aTamperedExportPrintsEachMismatchAndExitsOne() throws Exception {
        String json = GameExportJson.write(export).replace(export.serverSeedSha256(), "00".repeat(32));

        int status = run(write(json));

        assertThat(status).isEqualTo(VerifyCli.FAILED);
        assertThat(out()).startsWith("FAILED game").contains("COMMITMENT_MISMATCH: SHA-256 of the revealed");
    }

    @Test
    void aMissingOrMalformedFileExitsTwo() throws Exception {
        assertThat(run(dir.resolve("nowhere.json").toString())).isEqualTo(VerifyCli.UNREADABLE);
        assertThat(run(write("{\"format\": \"solduel-game-export/1\"}"))).isEqualTo(VerifyCli.UNREADABLE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("UNREADABLE").contains("gameType: missing");
    }

    @Test
    void wrongUsageExitsTwo() {
        assertThat(VerifyCli.run(new String[0], new PrintStream(out), new PrintStream(err)))
                .isEqualTo(VerifyCli.UNREADABLE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage:");
    }

    private int run(String path) {
        return VerifyCli.run(new String[] {path}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String write(String json) throws Exception {
        Path file = Files.createTempFile(dir, "export", ".json");
        Files.writeString(file, json);
        return file.toString();
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
