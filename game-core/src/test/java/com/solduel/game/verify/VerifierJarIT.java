package com.solduel.game.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.solduel.game.rules.GameType;
import com.solduel.game.rules.SimulatedGames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged verifier as a player runs it: {@code java -jar game-core-verifier.jar game.json},
 * in a fresh JVM with nothing else on the class path. Runs after {@code package} (failsafe).
 */
class VerifierJarIT {

    static final Path JAR = Path.of(System.getProperty("solduel.verifierJar", "target/game-core-verifier.jar"));

    @TempDir
    Path dir;

    final GameExport export = GameExport.of(SimulatedGames.play(SimulatedGames.setup(GameType.DUEL, 1, 11),
            new Random(11), 0.2));

    @BeforeAll
    static void theJarIsBuilt() {
        assertThat(JAR).as("the verifier jar; build it with `mvn -pl game-core package`").isRegularFile();
    }

    @Test
    void anHonestExportIsVerifiedWithExitZero() throws Exception {
        Run run = verify(GameExportJson.write(export));

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("VERIFIED game " + export.gameId() + " (DUEL): ")
                .contains("after " + export.result().turnsPlayed() + " turns");
    }

    @Test
    void aTamperedExportFailsWithEachMismatchAndExitOne() throws Exception {
        String json = GameExportJson.write(export).replace(export.serverSeedSha256(), "00".repeat(32));

        Run run = verify(json);

        assertThat(run.status()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).startsWith("FAILED game " + export.gameId())
                .contains("COMMITMENT_MISMATCH");
    }

    @Test
    void garbageIsUnreadableWithExitTwo() throws Exception {
        Run run = verify("this is not { a game export");

        assertThat(run.status()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).startsWith("UNREADABLE");
        assertThat(run.out()).isEmpty();
    }

    private Run verify(String json) throws IOException, InterruptedException {
        Path file = Files.writeString(dir.resolve("game.json"), json);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-jar", JAR.toString(), file.toString()))
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("java -jar " + JAR + " did not finish within 60 s");
        }
        return new Run(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    record Run(int status, String out, String err) {
    }
}
