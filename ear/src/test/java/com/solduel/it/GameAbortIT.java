package com.solduel.it;

import static com.solduel.it.SignInIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An admin aborts a game (issue 13): a wagered game in progress with both deposits, a wagered game
 * awaiting its second deposit, a free game. The game is ABORTED, every follower hears
 * {@code game_cancelled} (ADMIN_ABORTED), each credited stake comes back on-chain through the
 * payouts job exactly once, and the abort is one audit row.
 */
class GameAbortIT {

    private static final long WAGER = 50_000_000L;
    private static String vault;
    private static String admin;

    @BeforeAll
    static void setUp() {
        SolanaLocalnet.requireRunning();
        vault = TestEnvironment.json(TestEnvironment.get("/api/vault")).getString("address");
        admin = TestWallet.admin().signIn();
    }

    @AfterAll
    static void noGameLeftAwaitingDeposits() throws SQLException {
        WagerIT.noGameLeftAwaitingDeposits();
    }

    static HttpResponse<String> abort(long gameId, String reason, String token) {
        return GameApiIT.post("/api/admin/games/" + gameId + "/abort", "{\"reason\":\"" + reason + "\"}", token);
    }

    private static void deposit(WagerIT.Game game, WagerIT.Player player) {
        String signature = LocalnetTransactions.transfer(player.account(), vault, WAGER, WagerIT.memo(game.id(), player));
        HttpResponse<String> credited = WagerIT.report(game.id(), player, signature);
        assertThat(credited.statusCode()).as(credited.body()).isEqualTo(200);
    }

    @Test
    void abortingAWageredGameInProgressRefundsBothStakesOnChainTellsBothPlayersAndIsAudited() throws Exception {
        WagerIT.Game game = WagerIT.wageredGame();
        deposit(game, game.p1());
        deposit(game, game.p2());
        assertThat(WagerIT.status(game.id())).isEqualTo("IN_PROGRESS");
        long auditBefore = AuditIT.rows();

        long balance1 = LocalnetTransactions.balance(game.p1().address());
        long balance2 = LocalnetTransactions.balance(game.p2().address());
        // Aborted at once after both joined: the turn clock (3 s in the tests) has no time to decide the game.
        try (GameSocket one = GameSocket.connect(game.p1().token()); GameSocket two = GameSocket.connect(game.p2().token())) {
            one.join(game.id());
            one.await("state");
            two.join(game.id());
            two.await("state");

            HttpResponse<String> aborted = abort(game.id(), "stuck after an RPC outage", admin);
            assertThat(aborted.statusCode()).as(aborted.body()).isEqualTo(200);
            JsonObject body = TestEnvironment.json(aborted);
            assertThat(body.getString("status")).isEqualTo("ABORTED");
            assertThat(body.getJsonArray("refunds").getValuesAs(JsonObject.class))
                    .extracting(r -> r.getString("wallet") + " " + r.getJsonNumber("lamports").longValue())
                    .containsExactlyInAnyOrder(game.p1().address() + " " + WAGER, game.p2().address() + " " + WAGER);

            for (GameSocket socket : List.of(one, two)) {
                JsonObject cancelled = socket.await("game_cancelled");
                assertThat(cancelled.getJsonNumber("gameId").longValue()).isEqualTo(game.id());
                assertThat(cancelled.getString("reason")).isEqualTo("ADMIN_ABORTED");
                assertThat(cancelled.getJsonArray("refunds")).hasSize(2);
            }
            assertThat(WagerIT.status(game.id())).isEqualTo("ABORTED");
            assertThat(TestEnvironment.json(TestEnvironment.get("/api/games/" + game.id())).getString("status")).isEqualTo("ABORTED");

            List<String> paid = WagerIT.awaitPayoutsConfirmed(game.id());
            assertThat(paid).hasSize(2);
            assertThat(SchemaIT.strings("SELECT kind || ' ' || reason || ' ' || lamports FROM payouts WHERE game_id = " + game.id()))
                    .containsExactly("REFUND ADMIN_ABORTED " + WAGER, "REFUND ADMIN_ABORTED " + WAGER);
            for (String row : paid) {
                long payoutId = Long.parseLong(row.split(" ")[0]);
                String destination = SchemaIT.strings("SELECT destination FROM payouts WHERE id = " + payoutId).get(0);
                assertThat(LocalnetTransactions.payoutTransfers(vault, destination, payoutId))
                        .extracting(LocalnetTransactions.ChainTransfer::lamports).containsExactly(WAGER);
            }
            assertThat(LocalnetTransactions.balance(game.p1().address())).as("P1's stake is back").isEqualTo(balance1 + WAGER);
            assertThat(LocalnetTransactions.balance(game.p2().address())).as("P2's stake is back").isEqualTo(balance2 + WAGER);
        }
        assertThat(WagerIT.number("SELECT COALESCE(SUM(amount), 0) FROM ledger_postings WHERE account = 'game:" + game.id() + ":pot'"))
                .as("the pot is empty").isZero();
        assertThat(WagerIT.number("SELECT COUNT(*) FROM rating_history WHERE game_id = " + game.id())).as("no rating moved").isZero();

        assertThat(AuditIT.rows()).isEqualTo(auditBefore + 1);
        List<JsonObject> audit = AuditIT.auditOf("game:" + game.id(), admin);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).getString("action")).isEqualTo("GAME_ABORT");
        assertThat(audit.get(0).getString("actor")).isEqualTo(TestWallet.admin().address());
        assertThat(audit.get(0).getString("reason")).isEqualTo("stuck after an RPC outage");
        assertThat(audit.get(0).getJsonObject("before").getString("status")).isEqualTo("IN_PROGRESS");
        assertThat(audit.get(0).getJsonObject("after").getString("status")).isEqualTo("ABORTED");
        assertThat(audit.get(0).getJsonObject("after").getJsonArray("refunds")).hasSize(2);

        JsonObject detail = TestEnvironment.json(AuditIT.adminGet("/api/admin/games/" + game.id(), admin));
        assertThat(detail.getJsonObject("game").getString("status")).isEqualTo("ABORTED");
        assertThat(detail.getJsonObject("game").getString("abortReason")).isEqualTo("stuck after an RPC outage");
        assertThat(detail.getJsonObject("game").getInt("deposits")).isEqualTo(2);
        assertThat(detail.getJsonArray("deposits")).hasSize(2);
        assertThat(detail.getJsonArray("payouts").getValuesAs(JsonObject.class)).extracting(p -> p.getString("status"))
                .containsOnly("CONFIRMED");
        assertThat(detail.getJsonArray("audit")).hasSize(1);
        JsonObject listed = TestEnvironment.json(AuditIT.adminGet("/api/admin/games?status=ABORTED&player=" + game.p1().address(), admin));
        assertThat(listed.getJsonArray("games").getValuesAs(JsonObject.class)).extracting(g -> g.getJsonNumber("gameId").longValue())
                .contains(game.id());

        // Over now: a second abort is refused and changes nothing.
        assertProblem(abort(game.id(), "again", admin), 409, "game-not-abortable");
        assertThat(AuditIT.rows()).isEqualTo(auditBefore + 1);
        assertThat(WagerIT.number("SELECT COUNT(*) FROM payouts WHERE game_id = " + game.id())).isEqualTo(2);
    }

    @Test
    void abortingAGameAwaitingItsSecondDepositRefundsTheOnePaidAndTellsItsFollower() throws Exception {
        WagerIT.Game game = WagerIT.wageredGame();
        deposit(game, game.p1());
        try (GameSocket one = GameSocket.connect(game.p1().token())) {
            one.join(game.id());
            one.await("deposit_required");
            long balance = LocalnetTransactions.balance(game.p1().address());
            HttpResponse<String> aborted = abort(game.id(), "opponent reported a scam", admin);
            assertThat(aborted.statusCode()).as(aborted.body()).isEqualTo(200);
            assertThat(TestEnvironment.json(aborted).getJsonArray("refunds")).hasSize(1);
            JsonObject cancelled = one.await("game_cancelled");
            assertThat(cancelled.getString("reason")).isEqualTo("ADMIN_ABORTED");
            assertThat(cancelled.getJsonArray("refunds").getJsonObject(0).getString("wallet")).isEqualTo(game.p1().address());
            WagerIT.awaitPayoutsConfirmed(game.id());
            assertThat(LocalnetTransactions.balance(game.p1().address())).isEqualTo(balance + WAGER);
        }
        assertThat(WagerIT.status(game.id())).isEqualTo("ABORTED");
        assertThat(TestEnvironment.json(WagerIT.instructions(game.id(), game.p2())).getString("status")).isEqualTo("ABORTED");
        assertThat(WagerIT.number("SELECT COUNT(*) FROM deposits WHERE game_id = " + game.id())).isEqualTo(1);
    }

    @Test
    void aFreeGameInProgressIsAbortedWithoutRefundsAndAChallengeNobodyJoinedIsNotAbortable() throws Exception {
        TestWallet p1 = TestWallet.random();
        TestWallet p2 = TestWallet.random();
        String t1 = p1.signIn();
        String t2 = p2.signIn();
        JsonObject created = TestEnvironment.json(GameApiIT.post("/api/games", "{\"gameType\":\"DUEL\"}", t1));
        long game = created.getJsonNumber("gameId").longValue();
        assertProblem(abort(game, "nobody joined", admin), 409, "game-not-abortable");
        assertThat(GameApiIT.post("/api/games/join", "{\"inviteCode\":\"" + created.getString("inviteCode") + "\"}", t2)
                .statusCode()).isEqualTo(200);
        try (GameSocket one = GameSocket.connect(t1); GameSocket two = GameSocket.connect(t2)) {
            one.join(game);
            one.await("state");
            two.join(game);
            two.await("state");
            HttpResponse<String> aborted = abort(game, "test game", admin);
            assertThat(aborted.statusCode()).as(aborted.body()).isEqualTo(200);
            assertThat(TestEnvironment.json(aborted).getJsonArray("refunds")).isEmpty();
            assertThat(one.await("game_cancelled").getString("reason")).isEqualTo("ADMIN_ABORTED");
            assertThat(two.await("game_cancelled").getJsonArray("refunds")).isEmpty();
            two.submit(game, 1, "BLOCK");
            assertThat(two.await("error").getString("code")).as("no move is taken after the abort").isIn("resync", "game-over",
                    "game-not-found", "not-joined");
        }
        assertThat(WagerIT.status(game)).isEqualTo("ABORTED");
        try (GameSocket again = GameSocket.connect(t1)) {
            again.join(game);
            assertThat(again.await("state").getJsonNumber("gameId").longValue()).as("join_game answers the last state").isEqualTo(game);
        }
        assertThat(TestEnvironment.json(TestEnvironment.get("/api/games/" + game)).getString("status")).isEqualTo("ABORTED");
        assertThat(WagerIT.number("SELECT COUNT(*) FROM payouts WHERE game_id = " + game)).isZero();
        assertThat(WagerIT.number("SELECT COUNT(*) FROM game_actions WHERE game_id = " + game + " AND action_type = 'MOVE'"))
                .as("the move sent after the abort was not recorded").isZero();
    }
}
