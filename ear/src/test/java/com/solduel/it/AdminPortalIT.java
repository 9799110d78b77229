package com.solduel.it;

import static com.solduel.it.SignInIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The admin portal, used for real: tools/web-e2e/admin-e2e.mjs signs in to /admin/ in Debian's
 * headless Chromium, bans a player and aborts a wagered game awaiting its second deposit, and finds
 * both in the audit log; this test sets the scene and checks what happened outside the browser: the
 * banned player's open socket closed and their queue join refused, the paid stake refunded on the
 * localnet, one audit row each. Screenshots: ear/target/web-e2e/admin-*.png.
 */
class AdminPortalIT {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    private static final Path OUT = Path.of("target/web-e2e").toAbsolutePath();

    @AfterAll
    static void noGameLeftAwaitingDeposits() throws Exception {
        WagerIT.noGameLeftAwaitingDeposits();
    }

    @Test
    void anAdminBansAPlayerAndAbortsAGameInTheBrowserAndBothTakeEffectAndAreAudited() throws Exception {
        SolanaLocalnet.requireRunning();
        assertThat(ROOT.resolve("tools/web-e2e/node_modules/playwright-core"))
                .as("tools/web-e2e's npm packages: scripts/setup.sh installs them (npm ci)").exists();
        String admin = TestWallet.admin().signIn();
        String vault = TestEnvironment.json(TestEnvironment.get("/api/vault")).getString("address");

        // A player online and queued, to be banned.
        TestWallet cheat = TestWallet.random();
        String cheatToken = cheat.signIn();
        HttpResponse<String> queued = GameApiIT.post("/api/matchmaking/queue", "{\"gameType\":\"DUEL\"}", cheatToken);
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(201);
        // A wagered game with one of its two deposits paid, to be aborted.
        WagerIT.Game game = WagerIT.wageredGame();
        long wager = WagerIT.WAGER;
        String signature = LocalnetTransactions.transfer(game.p1().account(), vault, wager, WagerIT.memo(game.id(), game.p1()));
        assertThat(WagerIT.report(game.id(), game.p1(), signature).statusCode()).isEqualTo(200);
        long balanceBefore = LocalnetTransactions.balance(game.p1().address());
        long auditBefore = AuditIT.rows();

        try (GameSocket socket = GameSocket.connect(cheatToken)) {
            Files.createDirectories(OUT);
            ProcessBuilder run = new ProcessBuilder("node", ROOT.resolve("tools/web-e2e/admin-e2e.mjs").toString())
                    .redirectOutput(OUT.resolve("admin-stdout.json").toFile())
                    .redirectError(OUT.resolve("admin-stderr.log").toFile());
            run.environment().put("SOLDUEL_URL", TestEnvironment.BASE_URL);
            run.environment().put("SOLDUEL_E2E_OUT", OUT.toString());
            run.environment().put("SOLDUEL_ADMIN_TOKEN", admin);
            run.environment().put("SOLDUEL_BAN_WALLET", cheat.address());
            run.environment().put("SOLDUEL_ABORT_GAME", Long.toString(game.id()));
            Process process = run.start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("admin-e2e.mjs did not finish in 3 minutes; see " + OUT.resolve("admin-stderr.log"));
            }
            JsonObject result;
            try (var reader = Json.createReader(new StringReader(Files.readString(OUT.resolve("admin-result.json"))))) {
                result = reader.readObject();
            }
            assertThat(result.getBoolean("ok")).as("admin-e2e.mjs: " + result.getString("error", "") + "\n"
                    + Files.readString(OUT.resolve("admin-stderr.log"))).isTrue();
            assertThat(result.getJsonArray("consoleErrors")).as("no script error and no CSP violation").isEmpty();
            assertThat(result.getString("signedInAs")).contains(TestWallet.admin().address());
            assertThat(result.getString("gameTitle")).contains("ABORTED");
            assertThat(result.getJsonArray("audit").getValuesAs(jakarta.json.JsonString.class))
                    .extracting(jakarta.json.JsonString::getString)
                    .anySatisfy(row -> assertThat(row).contains("PLAYER_BAN", cheat.address()))
                    .anySatisfy(row -> assertThat(row).contains("GAME_ABORT", "game:" + game.id()));

            // The ban took effect at once: the open socket was closed, the queue join is refused.
            assertThat(socket.awaitClose()).isEqualTo(new GameSocket.Closed(1008, "player-banned"));
        }
        assertProblem(GameApiIT.post("/api/matchmaking/queue", "{\"gameType\":\"DUEL\"}", cheatToken), 403, "player-banned");

        // The abort refunded the one stake paid, on-chain.
        assertThat(WagerIT.status(game.id())).isEqualTo("ABORTED");
        List<String> refunds = WagerIT.awaitPayoutsConfirmed(game.id());
        assertThat(refunds).hasSize(1);
        assertThat(LocalnetTransactions.balance(game.p1().address())).as("P1's stake is back").isEqualTo(balanceBefore + wager);

        assertThat(AuditIT.rows()).isEqualTo(auditBefore + 2);
        assertThat(AuditIT.auditOf("player:" + cheat.address(), admin)).extracting(a -> a.getString("action"))
                .containsExactly("PLAYER_BAN");
        assertThat(AuditIT.auditOf("game:" + game.id(), admin)).extracting(a -> a.getString("action"))
                .containsExactly("GAME_ABORT");
    }
}
