package com.solduel.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.solduel.game.verify.GameExportJson;
import com.solduel.game.verify.VerificationReport;
import com.solduel.game.verify.Verifier;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The player web client, used for real: tools/web-e2e/player-e2e.mjs drives two players in Debian's
 * headless Chromium against this server and the test localnet (sign in with development wallets, a
 * wagered DUEL with real deposits, a reload mid-game, the payout on-chain, replay and verification,
 * leaderboard, profile, history), and this test asserts on the JSON it writes. The game's export is
 * also checked with game-core's Java verifier, which must agree with the browser's verdicts.
 * Screenshots: ear/target/web-e2e/*.png.
 */
class WebClientIT {

    /** The repository root: failsafe runs in ear/. */
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    private static final Path OUT = Path.of("target/web-e2e").toAbsolutePath();
    private static final long WAGER = 10_000_000L;

    @Test
    void theClientIsServedAsStaticFilesUnderAStrictContentSecurityPolicy() {
        HttpResponse<String> page = TestEnvironment.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
                        "connect-src 'self' " + SolanaLocalnet.url(SolanaLocalnet.PORTS.get(0)))
                .doesNotContain("unsafe-inline", "unsafe-eval"));
        assertThat(page.body()).contains("<script type=\"module\" src=\"js/app.mjs\"></script>").doesNotContain("<script>");
        HttpResponse<String> module = TestEnvironment.get("/js/verifier.mjs");
        assertThat(module.statusCode()).isEqualTo(200);
        assertThat(module.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/javascript"));
        assertThat(module.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        JsonObject config = TestEnvironment.json(TestEnvironment.get("/api/client-config"));
        assertThat(config.getString("cluster")).isEqualTo("localnet");
        assertThat(config.getString("rpcUrl")).isEqualTo(SolanaLocalnet.url(SolanaLocalnet.PORTS.get(0)));
        assertThat(config.getBoolean("developmentWallet")).isTrue();
        assertThat(config.getJsonArray("wagers").getJsonNumber(1).longValue()).isEqualTo(WAGER);
    }

    @Test
    void twoPlayersInChromiumDepositPlayADuelToItsPayoutAndVerifyItInTheBrowser() throws Exception {
        SolanaLocalnet.requireRunning();
        assertThat(ROOT.resolve("tools/web-e2e/node_modules/playwright-core"))
                .as("tools/web-e2e's npm packages: scripts/setup.sh installs them (npm ci)").exists();
        Files.createDirectories(OUT);
        ProcessBuilder run = new ProcessBuilder("node", ROOT.resolve("tools/web-e2e/player-e2e.mjs").toString())
                .redirectOutput(OUT.resolve("stdout.json").toFile())
                .redirectError(OUT.resolve("stderr.log").toFile());
        run.environment().put("SOLDUEL_URL", TestEnvironment.BASE_URL);
        run.environment().put("SOLDUEL_E2E_OUT", OUT.toString());
        run.environment().put("SOLDUEL_E2E_WAGER", Long.toString(WAGER));
        Process process = run.start();
        if (!process.waitFor(6, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("player-e2e.mjs did not finish in 6 minutes; see " + OUT.resolve("stderr.log"));
        }
        JsonObject result = read(OUT.resolve("result.json"));
        assertThat(result.getBoolean("ok")).as("player-e2e.mjs: " + result.getString("error", "") + "\n"
                + Files.readString(OUT.resolve("stderr.log"))).isTrue();
        System.out.println("web client: " + result.getJsonObject("performance"));
        System.out.println("web client accessibility: " + result.getJsonObject("accessibility"));

        assertThat(result.getJsonArray("consoleErrors")).as("no script error and no CSP violation in either browser").isEmpty();

        long gameId = result.getJsonNumber("gameId").longValue();
        JsonObject resume = result.getJsonObject("resume");
        assertThat(resume.getJsonNumber("gameAfter").longValue()).as("the reloaded page is back in the game").isEqualTo(gameId);
        assertThat(resume.getInt("turnAfter")).isGreaterThanOrEqualTo(resume.getInt("turnBefore"));

        JsonObject reconnect = result.getJsonObject("reconnect");
        assertThat(reconnect.getString("banner")).as("the reconnect banner").contains("reconnecting");
        assertThat(reconnect.getInt("resumedTurn")).isGreaterThanOrEqualTo(reconnect.getInt("turn"));

        JsonObject outcome = result.getJsonObject("outcome");
        String alice = outcome.getString("alice");
        String bob = outcome.getString("bob");
        assertThat(alice + "/" + bob).isIn("won/lost", "lost/won", "draw/draw");
        JsonObject summary = TestEnvironment.json(TestEnvironment.get("/api/games/" + gameId));
        assertThat(summary.getString("status")).isIn("COMPLETED", "ABORTED");

        // The balances on-chain: the loser paid the stake and the deposit's network fee; the winner
        // paid the same and got the pot less the house fee; a draw refunds both stakes.
        JsonObject balances = result.getJsonObject("balances");
        long houseFeeBps = TestEnvironment.json(TestEnvironment.get("/api/vault")).getJsonNumber("houseFeeBps").longValue();
        long pot = 2 * WAGER;
        long prize = pot - pot * houseFeeBps / 10_000;
        long aliceDelta = delta(balances, "alice");
        long bobDelta = delta(balances, "bob");
        if (alice.equals("draw")) {
            assertThat(aliceDelta).isBetween(-10_000L, -1L);
            assertThat(bobDelta).isBetween(-10_000L, -1L);
        } else {
            long winnerDelta = alice.equals("won") ? aliceDelta : bobDelta;
            long loserDelta = alice.equals("won") ? bobDelta : aliceDelta;
            long networkFee = -loserDelta - WAGER;
            assertThat(networkFee).as("the loser's deposit fee").isBetween(1L, 10_000L);
            assertThat(winnerDelta).as("the winner's balance change on-chain").isEqualTo(prize - WAGER - networkFee);
        }
        String payout = result.getString("payoutSignature");
        var status = SolanaLocalnet.rpc(SolanaLocalnet.PORTS.get(0), "getSignatureStatuses", Json.createArrayBuilder()
                .add(Json.createArrayBuilder().add(payout)).add(Json.createObjectBuilder().add("searchTransactionHistory", true)).build());
        assertThat(status.asJsonObject().getJsonArray("value").getJsonObject(0).getString("confirmationStatus")).isIn("confirmed", "finalized");
        assertThat(result.getString("explorerLink")).contains(payout).contains("customUrl=");

        // Replay and verification: the browser's verdicts, and the Java verifier's on the same exports.
        JsonObject replay = result.getJsonObject("replay");
        assertThat(replay.getInt("steps")).isGreaterThan(0);
        assertThat(replay.getBoolean("fair")).as(replay.getString("verdict")).isTrue();
        JsonObject tampered = result.getJsonObject("tampered");
        assertThat(tampered.getBoolean("fair")).isFalse();
        assertThat(tampered.getJsonArray("kinds")).isNotEmpty();
        String served = TestEnvironment.get("/api/games/" + gameId + "/export").body();
        VerificationReport honest = new Verifier().verify(GameExportJson.read(Files.readString(OUT.resolve("export.json"))));
        VerificationReport changed = new Verifier().verify(GameExportJson.read(Files.readString(OUT.resolve("export-tampered.json"))));
        assertThat(honest.ok()).as("the Java verifier agrees: fair").isTrue();
        assertThat(changed.ok()).as("the Java verifier agrees: not fair").isFalse();
        assertThat(changed.mismatches()).extracting(m -> m.kind().name())
                .containsExactlyInAnyOrderElementsOf(tampered.getJsonArray("kinds").getValuesAs(jakarta.json.JsonString::getString));
        assertThat(read(OUT.resolve("export.json"))).isEqualTo(Json.createReader(new StringReader(served)).readObject());

        assertThat(result.getInt("leaderboardRows")).isGreaterThanOrEqualTo(2);
        assertThat(result.getInt("profileChart")).as("the rating history chart has a line").isGreaterThanOrEqualTo(1);
        assertThat(result.getInt("historyRows")).isGreaterThanOrEqualTo(1);

        JsonObject rps = result.getJsonObject("rps");
        assertThat(rps.getJsonNumber("gameId").longValue()).isNotEqualTo(gameId);
        assertThat(rps.getString("alice") + "/" + rps.getString("bob")).isIn("won/lost", "lost/won", "draw/draw");
        assertThat(TestEnvironment.json(TestEnvironment.get("/api/games/" + rps.getJsonNumber("gameId").longValue()))
                .getString("gameType")).isEqualTo("RPS");

        System.out.println("web client, second fresh profile: " + result.getJsonObject("performanceWarmServer"));
        JsonObject performance = result.getJsonObject("performance");
        assertThat(performance.getJsonNumber("transferKiB").doubleValue()).isPositive();
        assertThat(performance.getInt("interactiveMs")).isPositive();
        assertThat(result.getJsonObject("accessibility").getJsonObject("summary").getInt("issues"))
                .as("accessibility findings: " + result.getJsonObject("accessibility")).isZero();
        assertThat(result.getJsonObject("accessibilityReplay").getJsonObject("summary").getInt("issues"))
                .as("accessibility findings on the replay: " + result.getJsonObject("accessibilityReplay")).isZero();
        for (var shot : result.getJsonArray("screenshots").getValuesAs(jakarta.json.JsonString::getString)) {
            assertThat(Path.of(shot)).isNotEmptyFile();
        }
    }

    private static long delta(JsonObject balances, String who) {
        return balances.getJsonObject("after").getJsonNumber(who).longValue()
                - balances.getJsonObject("before").getJsonNumber(who).longValue();
    }

    private static JsonObject read(Path file) throws IOException {
        try (var reader = Json.createReader(Files.newBufferedReader(file))) {
            return reader.readObject();
        }
    }
}
