package com.solduel.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.solduel.load.GameLoad;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The game-socket load tool (tools/load, {@link GameLoad}) still works against the real server: a
 * short run of 20 games at a realistic pace with a few idle sockets beside them and the in-app
 * fan-out baseline (/ws/bench/fanout, enabled on the test server) in the same run, every game played
 * to its end. Its figures are printed, not asserted (benchmarks are not timed tests, SPEC §14).
 */
class LoadSmokeIT {

    @Test
    void twentyGamesArePlayedToTheEndWithoutAnErrorFrame() throws Exception {
        Map<String, String> options = GameLoad.defaults();
        options.putAll(Map.of("base", TestEnvironment.BASE_URL, "games", "20", "seconds", "120", "pace-ms", "400",
                "idle", "10", "server-pid", String.valueOf(LibertyNode.a().pid())));

        GameLoad.Result result = GameLoad.run(options);

        assertThat(result.finished()).as("games played to the end").isEqualTo(20);
        assertThat(result.errorFrames()).as("error frames").isZero();
        assertThat(result.unexpectedCloses()).as("sockets the server closed").isZero();
        assertThat(result.peakOpen()).as("sockets open at once: 40 players and 10 idle").isEqualTo(50);
        assertThat(result.turns()).as("turns resolved").isPositive();
        assertThat(result.server().samples()).as("the server process was sampled").isPositive();
        assertThat(result.fanoutP99Millis()).as("the in-app fan-out baseline was measured in the same run").isPositive();
    }
}
