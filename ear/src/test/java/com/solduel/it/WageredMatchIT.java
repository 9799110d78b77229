package com.solduel.it;

import static com.solduel.it.SignInIT.assertProblem;
import static com.solduel.it.WagerIT.memo;
import static com.solduel.it.WagerIT.number;
import static com.solduel.it.WagerIT.status;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Wagered matchmaking and the deposit notices through the real server and the real localnet
 * (docs/matchmaking.md, docs/money.md): wallets made here and funded by airdrop queue in a wagered
 * bucket over the game socket, are matched into a game awaiting both deposits, are told what to
 * send, send real signed transfers with the memo, hear every credit, and play the game; a match
 * where one player never pays is cancelled at the deadline and both sockets hear it. Each test
 * waits in a bucket no other test uses. The deadline is moved into the past by hand, as WagerIT does
 * (the test server sweeps every second).
 */
class WageredMatchIT {

    private static final long SMALL = 10_000_000L;
    private static final long MEDIUM = 50_000_000L;
    private static final Duration MATCH_WAIT = Duration.ofSeconds(15);
    private static final String OFFERED = "offered: 0, 10000000, 50000000, 100000000, 1000000000";
    private static String vault;

    @BeforeAll
    static void vault() {
        SolanaLocalnet.requireRunning();
        vault = TestEnvironment.json(TestEnvironment.get("/api/vault")).getString("address");
    }

    @AfterAll
    static void noGameLeftAwaitingDeposits() throws SQLException {
        WagerIT.noGameLeftAwaitingDeposits();
    }

    @Test
    void twoWalletsMatchedInAWageredBucketDepositPlayAndTheWinnerIsPaidThePotLessTheFeeOnChain() throws Exception {
        long[] aliceBefore = new long[1];
        long[] vaultAtStart = new long[1];
        WagerIT.Player alice = WagerIT.player();
        WagerIT.Player bob = WagerIT.player();
        long gameId;
        try (GameSocket a = GameSocket.connect(alice.token()); GameSocket b = GameSocket.connect(bob.token())) {
            a.send(queueJoin("RPS", MEDIUM, true));
            assertThat(a.await("queue_status").getString("bucket")).isEqualTo("RPS:50000000:rated");
            b.send(queueJoin("RPS", MEDIUM, true));
            b.await("queue_status");

            JsonObject foundA = a.await("match_found", f -> true, MATCH_WAIT);
            JsonObject foundB = b.await("match_found", f -> true, MATCH_WAIT);
            gameId = foundA.getJsonNumber("gameId").longValue();
            long id = gameId;
            assertThat(foundB.getJsonNumber("gameId").longValue()).isEqualTo(gameId);
            assertThat(foundA.getJsonNumber("wager").longValue()).isEqualTo(MEDIUM);
            assertThat(foundA.getString("bucket")).isEqualTo("RPS:50000000:rated");
            assertThat(foundA.getString("yourSeat")).isEqualTo("P1");

            // Each socket is told what to deposit right after match_found, without sending join_game.
            JsonObject toldA = a.await("deposit_required");
            JsonObject toldB = b.await("deposit_required");
            assertThat(toldA.getJsonNumber("gameId").longValue()).isEqualTo(gameId);
            assertThat(toldA.getString("vault")).isEqualTo(vault);
            assertThat(toldA.getJsonNumber("lamports").longValue()).isEqualTo(MEDIUM);
            assertThat(toldA.getString("memo")).isEqualTo(memo(gameId, alice));
            assertThat(toldB.getString("memo")).isEqualTo(memo(gameId, bob));
            assertThat(toldA.getBoolean("deposited")).isFalse();
            assertThat(toldA.getBoolean("opponentDeposited")).isFalse();
            assertThat(indexOf(a, "match_found")).isLessThan(indexOf(a, "deposit_required"));

            // The game is a wagered game like a joined challenge: deadline, fee kept with it, the match id.
            assertThat(status(gameId)).isEqualTo("AWAITING_DEPOSITS");
            assertThat(SchemaIT.strings("SELECT wager_amount || ' ' || (metadata->>'houseFeeBps') || ' ' || rated || ' ' "
                    + "|| (deposit_deadline > now() + interval '200 seconds') || ' ' || (match_id IS NOT NULL) "
                    + "FROM games WHERE id = " + gameId)).containsExactly(MEDIUM + " 250 true true true");
            JsonObject queued = TestEnvironment.json(queueStatus(alice.token()));
            assertThat(queued.getString("status")).isEqualTo("MATCHED");
            assertThat(queued.getJsonObject("match").getJsonNumber("wager").longValue()).isEqualTo(MEDIUM);
            assertThat(TestEnvironment.json(WagerIT.instructions(gameId, bob)).getString("status"))
                    .isEqualTo("AWAITING_DEPOSITS");
            // Waiting for deposits counts as playing: no second queue meanwhile.
            a.send(queueJoin("RPS", 0, true));
            assertThat(a.await("error").getString("code")).isEqualTo("already-in-game");

            long vaultBefore = LocalnetTransactions.balance(vault);
            vaultAtStart[0] = vaultBefore;
            String first = LocalnetTransactions.transfer(alice.account(), vault, MEDIUM, memo(gameId, alice));
            JsonObject credited = TestEnvironment.json(reportWhenConfirmed(gameId, alice, first));
            assertThat(credited.getString("gameStatus")).isEqualTo("AWAITING_DEPOSITS");
            JsonObject heardA = a.await("deposit_credited");
            JsonObject heardB = b.await("deposit_credited");
            assertThat(heardA.getJsonNumber("gameId").longValue()).isEqualTo(gameId);
            assertThat(heardA.getString("seat")).isEqualTo("P1");
            assertThat(heardA.getString("wallet")).isEqualTo(alice.address());
            assertThat(heardA.getJsonNumber("lamports").longValue()).isEqualTo(MEDIUM);
            assertThat(heardA.getBoolean("deposited")).isTrue();
            assertThat(heardA.getBoolean("opponentDeposited")).isFalse();
            assertThat(heardA.getString("gameStatus")).isEqualTo("AWAITING_DEPOSITS");
            assertThat(heardB.getString("wallet")).isEqualTo(alice.address());
            assertThat(heardB.getBoolean("deposited")).isFalse();
            assertThat(heardB.getBoolean("opponentDeposited")).isTrue();

            String second = LocalnetTransactions.transfer(bob.account(), vault, MEDIUM, memo(gameId, bob));
            assertThat(TestEnvironment.json(reportWhenConfirmed(gameId, bob, second)).getString("gameStatus"))
                    .isEqualTo("IN_PROGRESS");
            for (GameSocket socket : List.of(a, b)) {
                JsonObject last = socket.await("deposit_credited", f -> f.getString("gameStatus").equals("IN_PROGRESS"));
                assertThat(last.getString("wallet")).isEqualTo(bob.address());
                assertThat(last.getBoolean("deposited")).isTrue();
                assertThat(last.getBoolean("opponentDeposited")).isTrue();
                assertThat(socket.await("game_started").getJsonNumber("gameId").longValue()).isEqualTo(gameId);
                assertThat(socket.received().stream().map(f -> f.getString("type")).toList())
                        .as("the credit is told before the start")
                        .containsSubsequence("deposit_required", "deposit_credited", "deposit_credited", "game_started");
            }
            assertThat(LocalnetTransactions.balance(vault) - vaultBefore).as("the vault received both stakes")
                    .isEqualTo(2 * MEDIUM);

            // Played to a result on the sockets that were matched: P1 (alice) wins the one round.
            aliceBefore[0] = LocalnetTransactions.balance(alice.address());
            a.submit(gameId, 1, "ROCK");
            b.submit(gameId, 1, "SCISSORS");
            assertThat(a.await("game_over").getString("winner")).isEqualTo(alice.address());
            b.await("game_over", f -> f.getJsonNumber("gameId").longValue() == id);
        }
        long pot = 2 * MEDIUM;
        long fee = pot * 250 / 10_000;
        assertThat(status(gameId)).isEqualTo("COMPLETED");
        assertThat(SchemaIT.strings("SELECT kind || ' ' || reason || ' ' || lamports || ' ' || destination "
                + "FROM payouts WHERE game_id = " + gameId))
                .containsExactly("PAYOUT WIN " + (pot - fee) + " " + alice.address());
        long payoutId = Long.parseLong(WagerIT.awaitPayoutsConfirmed(gameId).get(0).split(" ")[0]);
        assertThat(LocalnetTransactions.balance(alice.address()) - aliceBefore[0]).as("the winner's balance on-chain")
                .isEqualTo(pot - fee);
        assertThat(LocalnetTransactions.payoutTransfers(vault, alice.address(), payoutId)).as("one transfer on the chain")
                .hasSize(1);

        assertThat(number("SELECT COALESCE(SUM(amount), 0) FROM ledger_postings WHERE account = 'game:" + gameId + ":pot'"))
                .as("the pot is empty").isZero();
        assertThat(number("SELECT -SUM(p.amount) FROM ledger_postings p JOIN ledger_transfers t ON t.id = p.transfer_id "
                + "WHERE t.game_id = " + gameId + " AND p.account = 'house:fees'")).as("the house fee").isEqualTo(fee);
        assertThat(number("SELECT COALESCE(SUM(amount), 0) FROM ledger_postings WHERE account = 'player:" + alice.address()
                + ":payouts'")).as("nothing owed to the winner once paid").isZero();
        assertThat(number("SELECT SUM(p.amount) FROM ledger_postings p JOIN ledger_transfers t ON t.id = p.transfer_id "
                + "WHERE t.game_id = " + gameId + " AND p.account = 'vault'"))
                .as("the vault keeps exactly the house fee (the fee payer pays the network fee)").isEqualTo(fee);
        assertThat(LocalnetTransactions.balance(vault) - vaultAtStart[0]).as("the vault's balance change for this game")
                .isEqualTo(fee);
        assertThat(number("SELECT total_earnings FROM players WHERE wallet_address = '" + alice.address() + "'"))
                .isEqualTo(MEDIUM - fee);
        assertThat(number("SELECT total_earnings FROM players WHERE wallet_address = '" + bob.address() + "'"))
                .isEqualTo(-MEDIUM);
        assertThat(number("SELECT COUNT(*) FROM ledger_transfers t WHERE (SELECT SUM(amount) FROM ledger_postings p "
                + "WHERE p.transfer_id = t.id) <> 0")).as("unbalanced transfers").isZero();
        assertThat(number("SELECT COALESCE(SUM(amount), 0) FROM ledger_postings")).isZero();
    }

    @Test
    void aWageredMatchWhereOnePlayerNeverDepositsIsCancelledAtTheDeadlineAndBothSocketsAreTold() throws Exception {
        WagerIT.Player payer = WagerIT.player();
        WagerIT.Player noShow = WagerIT.player();
        try (GameSocket a = GameSocket.connect(payer.token()); GameSocket b = GameSocket.connect(noShow.token())) {
            a.send(queueJoin("DUEL", SMALL, false));
            assertThat(a.await("queue_status").getString("bucket")).isEqualTo("DUEL:10000000:unrated");
            b.send(queueJoin("DUEL", SMALL, false));
            b.await("queue_status");
            long gameId = a.await("match_found", f -> true, MATCH_WAIT).getJsonNumber("gameId").longValue();
            b.await("match_found", f -> true, MATCH_WAIT);
            a.await("deposit_required");
            b.await("deposit_required");

            String paid = LocalnetTransactions.transfer(payer.account(), vault, SMALL, memo(gameId, payer));
            assertThat(reportWhenConfirmed(gameId, payer, paid).statusCode()).isEqualTo(200);
            a.await("deposit_credited");
            b.await("deposit_credited");

            SchemaIT.strings("UPDATE games SET deposit_deadline = now() - interval '1 second' WHERE id = " + gameId
                    + " RETURNING id");
            for (GameSocket socket : List.of(a, b)) {
                JsonObject cancelled = socket.await("game_cancelled", f -> true, Duration.ofSeconds(15));
                assertThat(cancelled.getJsonNumber("gameId").longValue()).isEqualTo(gameId);
                assertThat(cancelled.getString("reason")).isEqualTo("DEPOSIT_DEADLINE_MISSED");
                assertThat(cancelled.getJsonArray("refunds")).hasSize(1);
                JsonObject refund = cancelled.getJsonArray("refunds").getJsonObject(0);
                assertThat(refund.getString("seat")).isEqualTo("P1");
                assertThat(refund.getString("wallet")).isEqualTo(payer.address());
                assertThat(refund.getJsonNumber("lamports").longValue()).isEqualTo(SMALL);
            }
            assertThat(status(gameId)).isEqualTo("CANCELLED");
            assertThat(SchemaIT.strings("SELECT kind || ' ' || reason || ' ' || lamports || ' ' || destination "
                    + "FROM payouts WHERE game_id = " + gameId))
                    .containsExactly("REFUND DEPOSIT_DEADLINE_MISSED " + SMALL + " " + payer.address());
            long refund = Long.parseLong(WagerIT.awaitPayoutsConfirmed(gameId).get(0).split(" ")[0]);
            assertThat(LocalnetTransactions.payoutTransfers(vault, payer.address(), refund)).as("refunded on-chain, once")
                    .extracting(LocalnetTransactions.ChainTransfer::lamports).containsExactly(SMALL);
            assertThat(number("SELECT COALESCE(SUM(amount), 0) FROM ledger_postings WHERE account = 'game:" + gameId + ":pot'"))
                    .as("the pot is empty").isZero();
            assertThat(number("SELECT COALESCE(SUM(amount), 0) FROM ledger_postings WHERE account = 'player:"
                    + noShow.address() + ":payouts'")).as("nothing owed to the one who did not pay").isZero();

            // A cancelled game is over: both may queue again.
            b.send(queueJoin("DUEL", SMALL, false));
            assertThat(b.await("queue_status", f -> f.getString("status").equals("QUEUED")).getString("bucket"))
                    .isEqualTo("DUEL:10000000:unrated");
            b.send("{\"type\":\"queue_leave\"}");
            b.await("queue_left");
        }
    }

    @Test
    void restPlayersMatchedInAWageredBucketReadTheirMatchAndTheirDepositInstructions() {
        WagerIT.Player first = WagerIT.player();
        WagerIT.Player second = WagerIT.player();
        String join = "{\"gameType\":\"DUEL\",\"wager\":100000000,\"rated\":true}";
        HttpResponse<String> queued = GameApiIT.post("/api/matchmaking/queue", join, first.token());
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(201);
        assertThat(TestEnvironment.json(queued).getString("bucket")).isEqualTo("DUEL:100000000:rated");
        assertThat(GameApiIT.post("/api/matchmaking/queue", join, second.token()).statusCode()).isEqualTo(201);

        TestEnvironment.await("the REST players are matched", MATCH_WAIT,
                () -> TestEnvironment.json(queueStatus(second.token())).getString("status").equals("MATCHED"));
        JsonObject matched = TestEnvironment.json(queueStatus(first.token()));
        assertThat(matched.getString("status")).isEqualTo("MATCHED");
        JsonObject match = matched.getJsonObject("match");
        assertThat(match.getJsonNumber("wager").longValue()).isEqualTo(100_000_000L);
        long gameId = match.getJsonNumber("gameId").longValue();
        for (WagerIT.Player p : List.of(first, second)) {
            JsonObject instructions = TestEnvironment.json(WagerIT.instructions(gameId, p));
            assertThat(instructions.getString("status")).isEqualTo("AWAITING_DEPOSITS");
            assertThat(instructions.getString("vault")).isEqualTo(vault);
            assertThat(instructions.getJsonNumber("lamports").longValue()).isEqualTo(100_000_000L);
            assertThat(instructions.getString("memo")).isEqualTo(memo(gameId, p));
        }
        assertProblem(GameApiIT.post("/api/matchmaking/queue", "{\"gameType\":\"RPS\"}", first.token()), 409,
                "already-in-game");
    }

    @Test
    void aQueueJoinForAWagerNotOfferedIsRefusedAndChangesNothing() throws Exception {
        WagerIT.Player player = WagerIT.player();
        try (GameSocket socket = GameSocket.connect(player.token())) {
            socket.send(queueJoin("RPS", 20_000_000, true));
            JsonObject refused = socket.await("error");
            assertThat(refused.getString("code")).isEqualTo("wager-not-offered");
            assertThat(refused.getString("message")).contains("20000000").contains(OFFERED);
        }
        HttpResponse<String> rest = GameApiIT.post("/api/matchmaking/queue", "{\"gameType\":\"RPS\",\"wager\":20000000}",
                player.token());
        assertProblem(rest, 400, "wager-not-offered");
        assertThat(TestEnvironment.json(rest).getString("detail")).contains(OFFERED);
        assertProblem(queueStatus(player.token()), 404, "not-queued");
        try (Jedis redis = new Jedis("127.0.0.1", TestEnvironment.redisPort())) {
            assertThat(redis.exists("matchmaking:{" + player.address() + "}")).as("no ticket").isFalse();
            assertThat(redis.exists("matchmaking:queue:{RPS:20000000:rated}")).as("no such queue").isFalse();
        }
    }

    /**
     * The creator of a wagered challenge follows it on node B while everything else happens on node
     * A: deposit_required, deposit_credited and game_cancelled reach it there.
     */
    @Test
    void aCreatorFollowingOnAnotherNodeIsToldToDepositHearsTheCreditAndTheCancel() throws Exception {
        LibertyNode nodeB = LibertyNode.b();
        boolean startedHere = false;
        if (!nodeB.isRunning()) {
            nodeB.start();
            startedHere = true;
        }
        try {
            WagerIT.Player creator = WagerIT.player();
            WagerIT.Player joiner = WagerIT.player();
            JsonObject created = TestEnvironment.json(GameApiIT.post("/api/games",
                    "{\"gameType\":\"RPS\",\"wager\":" + SMALL + "}", creator.token()));
            long gameId = created.getJsonNumber("gameId").longValue();
            try (GameSocket onB = GameSocket.connect(URI.create(nodeB.wsUrl()), creator.token());
                 GameSocket onA = GameSocket.connect(joiner.token())) {
                onB.join(gameId);
                assertThat(onB.await("state").getString("status")).isEqualTo("WAITING_FOR_OPPONENT");
                HttpResponse<String> joined = GameApiIT.post("/api/games/join",
                        "{\"inviteCode\":\"" + created.getString("inviteCode") + "\"}", joiner.token());
                assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);

                JsonObject told = onB.await("deposit_required");
                assertThat(told.getString("memo")).isEqualTo(memo(gameId, creator));
                assertThat(told.getBoolean("deposited")).isFalse();
                onA.join(gameId);
                onA.await("deposit_required");

                String paid = LocalnetTransactions.transfer(joiner.account(), vault, SMALL, memo(gameId, joiner));
                assertThat(reportWhenConfirmed(gameId, joiner, paid).statusCode()).isEqualTo(200);
                JsonObject heard = onB.await("deposit_credited");
                assertThat(heard.getString("seat")).isEqualTo("P2");
                assertThat(heard.getBoolean("deposited")).isFalse();
                assertThat(heard.getBoolean("opponentDeposited")).isTrue();
                assertThat(onA.await("deposit_credited").getBoolean("deposited")).isTrue();

                SchemaIT.strings("UPDATE games SET deposit_deadline = now() - interval '1 second' WHERE id = " + gameId
                        + " RETURNING id");
                for (GameSocket socket : List.of(onB, onA)) {
                    JsonObject cancelled = socket.await("game_cancelled", f -> true, Duration.ofSeconds(15));
                    assertThat(cancelled.getString("reason")).isEqualTo("DEPOSIT_DEADLINE_MISSED");
                    assertThat(cancelled.getJsonArray("refunds").getJsonObject(0).getString("wallet"))
                            .isEqualTo(joiner.address());
                }
                assertThat(onB.received()).filteredOn(f -> f.getString("type").equals("game_cancelled")).hasSize(1);
            }
        } finally {
            if (startedHere) {
                nodeB.stop();
            }
        }
    }

    // ---- helpers ----

    private static String queueJoin(String gameType, long wager, boolean rated) {
        return "{\"type\":\"queue_join\",\"gameType\":\"" + gameType + "\",\"wager\":" + wager + ",\"rated\":" + rated + "}";
    }

    private static HttpResponse<String> queueStatus(String token) {
        return TestEnvironment.send(HttpRequest.newBuilder(URI.create(TestEnvironment.BASE_URL + "/api/matchmaking/queue"))
                .header("Authorization", "Bearer " + token).GET());
    }

    /** Reports a deposit, again while the chain has not confirmed it yet (409 deposit-not-confirmed is retryable). */
    private static HttpResponse<String> reportWhenConfirmed(long gameId, WagerIT.Player player, String signature) {
        long deadline = System.currentTimeMillis() + 15_000;
        while (true) {
            HttpResponse<String> answer = WagerIT.report(gameId, player, signature);
            if (answer.statusCode() != 409 || !answer.body().contains("deposit-not-confirmed")
                    || System.currentTimeMillis() > deadline) {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                return answer;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static int indexOf(GameSocket socket, String type) {
        List<String> types = socket.received().stream().map(f -> f.getString("type")).toList();
        return types.indexOf(type);
    }
}
