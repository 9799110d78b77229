package com.solduel.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.solduel.load.CpuProfile;
import com.solduel.load.GameLoad;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The game-socket load tool (tools/load, {@link GameLoad}) still works against the real server: a
 * short run of 20 games at a realistic pace with a few idle sockets beside them and the in-app
 * fan-out baseline (/ws/bench/fanout, enabled on the test server) in the same run, every game played
 * to its end, while the CPU profiler (tools/load/profile.sh, {@link CpuProfile}) samples the server
 * for a few seconds. Its figures are printed, not asserted (benchmarks are not timed tests, SPEC §14).
 */
class LoadSmokeIT {

    @Test
    void twentyGamesArePlayedToTheEndWithoutAnErrorFrame() throws Exception {
        Map<String, String> options = GameLoad.defaults();
        options.putAll(Map.of("base", TestEnvironment.BASE_URL, "games", "20", "seconds", "120", "pace-ms", "400",
                "idle", "10", "server-pid", String.valueOf(LibertyNode.a().pid())));

        Path profile = Path.of("target", "load-smoke.collapsed");
        Files.deleteIfExists(profile);
        CompletableFuture<Void> profiled = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(3000);
                CpuProfile.record(String.valueOf(LibertyNode.a().pid()), 8, profile);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        GameLoad.Result result = GameLoad.run(options);
        profiled.get(60, TimeUnit.SECONDS);

        assertThat(result.finished()).as("games played to the end").isEqualTo(20);
        assertThat(result.errorFrames()).as("error frames").isZero();
        assertThat(result.unexpectedCloses()).as("sockets the server closed").isZero();
        assertThat(result.peakOpen()).as("sockets open at once: 40 players and 10 idle").isEqualTo(50);
        assertThat(result.turns()).as("turns resolved").isPositive();
        assertThat(result.server().samples()).as("the server process was sampled").isPositive();
        assertThat(result.fanoutP99Millis()).as("the in-app fan-out baseline was measured in the same run").isPositive();
        assertThat(Files.readString(profile)).as("the profile holds the server's stacks").contains("com/solduel/");
        assertThat(CpuProfile.summarize(profile).values().stream().mapToDouble(Double::doubleValue).sum())
                .as("every sample is in one activity").isCloseTo(100.0, within(0.1));
    }
}
