package com.solduel.it;

import static com.solduel.it.SignInIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.p2p.solanaj.core.Account;

/**
 * Wagered private challenges against the real localnet through the real server (docs/money.md):
 * players' wallets made here, funded by airdrop, sending real signed transfers with the memo;
 * the server verifies them on-chain through its RPC pool and credits each once in the ledger.
 */
class WagerIT {

    private static final long SOL = 1_000_000_000L;
    static final long WAGER = 50_000_000L;
    private static String vault;

    /** One seated player: wallet, token, solanaj account. */
    record Player(TestWallet wallet, String token, Account account) {
        String address() {
            return wallet.address();
        }
    }

    /** A wagered game both players joined. */
    record Game(long id, Player p1, Player p2) {
    }

    @BeforeAll
    static void vault() {
        SolanaLocalnet.requireRunning();
        HttpResponse<String> answer = TestEnvironment.get("/api/vault");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        vault = TestEnvironment.json(answer).getString("address");
    }

    /**
     * Games this class left awaiting deposits are cancelled now, so the vault poller (which reads the
     * chain only while a game awaits deposits) adds no RPC traffic to the tests that count it.
     */
    @org.junit.jupiter.api.AfterAll
    static void noGameLeftAwaitingDeposits() throws SQLException {
        SchemaIT.strings("UPDATE games SET deposit_deadline = now() - interval '1 second' "
                + "WHERE status = 'AWAITING_DEPOSITS' RETURNING id");
        TestEnvironment.await("the sweep cancels every game left awaiting deposits", Duration.ofSeconds(15), () -> {
            try {
                return number("SELECT COUNT(*) FROM games WHERE status = 'AWAITING_DEPOSITS'") == 0;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static Player player() {
        TestWallet wallet = TestWallet.random();
        SolanaLocalnet.airdrop(wallet.address(), SOL);
        return new Player(wallet, wallet.signIn(), wallet.solanaAccount());
    }

    static Game wageredGame() {
        Player p1 = player();
        Player p2 = player();
        HttpResponse<String> created = GameApiIT.post("/api/games",
                "{\"gameType\":\"RPS\",\"bestOf\":1,\"wager\":" + WAGER + "}", p1.token());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject game = TestEnvironment.json(created);
        assertThat(game.getJsonNumber("wager").longValue()).isEqualTo(WAGER);
        HttpResponse<String> joined = GameApiIT.post("/api/games/join",
                "{\"inviteCode\":\"" + game.getString("inviteCode") + "\"}", p2.token());
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
        assertThat(TestEnvironment.json(joined).getString("status")).isEqualTo("AWAITING_DEPOSITS");
        return new Game(game.getJsonNumber("gameId").longValue(), p1, p2);
    }

    static String memo(long gameId, Player player) {
        return "solduel:deposit:game=" + gameId + ":wallet=" + player.address();
    }

    static HttpResponse<String> report(long gameId, Player player, String signature) {
        return GameApiIT.post("/api/games/" + gameId + "/deposits", "{\"signature\":\"" + signature + "\"}", player.token());
    }

    static HttpResponse<String> instructions(long gameId, Player player) {
        return TestEnvironment.send(HttpRequest.newBuilder(URI.create(TestEnvironment.BASE_URL + "/api/games/" + gameId + "/deposits"))
                .header("Authorization", "Bearer " + player.token()).GET());
    }

    static long number(String sql) throws SQLException {
        return Long.parseLong(SchemaIT.strings(sql).get(0));
    }

    /** Waits until every payout of {@code gameId} is CONFIRMED by the payouts job; returns them as "id signature". */
    static List<String> awaitPayoutsConfirmed(long gameId) {
        TestEnvironment.await("the payouts job confirms every payout of game " + gameId, Duration.ofSeconds(60), () -> {
            try {
                return number("SELECT COUNT(*) FROM payouts WHERE game_id = " + gameId + " AND status <> 'CONFIRMED'") == 0;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            return SchemaIT.strings("SELECT id || ' ' || signature FROM payouts WHERE game_id = " + gameId + " ORDER BY id");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String status(long gameId) throws SQLException {
        return SchemaIT.strings("SELECT status::text FROM games WHERE id = " + gameId).get(0);
    }

    @Test
    void theVaultAndTheCustodyAreStatedPlainly() {
        JsonObject info = TestEnvironment.json(TestEnvironment.get("/api/vault"));
        assertThat(info.getString("address")).matches("[1-9A-HJ-NP-Za-km-z]{32,44}");
        assertThat(info.getString("custody")).contains("server holds").contains("until the game ends");
        assertThat(info.getInt("houseFeeBps")).isEqualTo(250);
        assertThat(info.getString("memoFormat")).isEqualTo("solduel:deposit:game=<gameId>:wallet=<wallet>");
        assertThat(LocalnetTransactions.balance(vault)).as("the test set-up funded the vault").isPositive();
    }

    @Test
    void bothDepositsWithRealTransfersStartTheGameAndTheLedgerBalancesAndMatchesTheVault() throws Exception {
        Game game = wageredGame();
        long vaultBefore = LocalnetTransactions.balance(vault);
        JsonObject mine = TestEnvironment.json(instructions(game.id(), game.p1()));
        assertThat(mine.getString("vault")).isEqualTo(vault);
        assertThat(mine.getJsonNumber("lamports").longValue()).isEqualTo(WAGER);
        assertThat(mine.getString("memo")).isEqualTo(memo(game.id(), game.p1()));
        assertThat(mine.getString("status")).isEqualTo("AWAITING_DEPOSITS");
        assertThat(mine.getBoolean("deposited")).isFalse();
        assertThat(mine.getString("deadline")).isNotBlank();

        String first = LocalnetTransactions.transfer(game.p1().account(), vault, WAGER, memo(game.id(), game.p1()));
        HttpResponse<String> credited = report(game.id(), game.p1(), first);
        assertThat(credited.statusCode()).as(credited.body()).isEqualTo(200);
        assertThat(TestEnvironment.json(credited).getString("gameStatus")).isEqualTo("AWAITING_DEPOSITS");
        assertThat(status(game.id())).isEqualTo("AWAITING_DEPOSITS");
        assertThat(TestEnvironment.json(instructions(game.id(), game.p2())).getBoolean("opponentDeposited")).isTrue();

        // The second player sends 1,000 lamports too many: credited, and owed back as a refund.
        String second = LocalnetTransactions.transfer(game.p2().account(), vault, WAGER + 1_000, memo(game.id(), game.p2()));
        HttpResponse<String> started = report(game.id(), game.p2(), second);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        JsonObject body = TestEnvironment.json(started);
        assertThat(body.getString("gameStatus")).isEqualTo("IN_PROGRESS");
        assertThat(body.getJsonNumber("refundLamports").longValue()).isEqualTo(1_000);
        assertThat(status(game.id())).isEqualTo("IN_PROGRESS");
        assertThat(TestEnvironment.json(TestEnvironment.get("/api/games/" + game.id())).getString("status")).isEqualTo("IN_PROGRESS");

        // The 1,000 lamports owed back are paid by the payouts job meanwhile: wait for it, then compare.
        awaitPayoutsConfirmed(game.id());
        assertThat(LocalnetTransactions.balance(vault) - vaultBefore)
                .as("the vault received both deposits and paid back the 1,000 lamports too many (the fee payer paid the fee)")
                .isEqualTo(2 * WAGER);
        assertThat(number("SELECT SUM(p.amount) FROM ledger_postings p JOIN ledger_transfers t ON t.id = p.transfer_id "
                + "WHERE t.game_id = " + game.id() + " AND t.kind = 'DEPOSIT' AND p.account = 'vault'"))
                .as("the deposits credited to the vault").isEqualTo(2 * WAGER + 1_000);
        assertThat(number("SELECT COUNT(*) FROM ledger_transfers t WHERE (SELECT SUM(amount) FROM ledger_postings p "
                + "WHERE p.transfer_id = t.id) <> 0")).as("unbalanced transfers").isZero();
        assertThat(number("SELECT COALESCE(SUM(amount), 0) FROM ledger_postings")).isZero();
        assertThat(number("SELECT SUM(p.amount) FROM ledger_postings p JOIN ledger_transfers t ON t.id = p.transfer_id "
                + "WHERE t.game_id = " + game.id() + " AND p.account = 'vault'"))
                .as("the ledger's vault account moved as much as the vault on-chain").isEqualTo(2 * WAGER);
        assertThat(number("SELECT -SUM(amount) FROM ledger_postings WHERE account = 'game:" + game.id() + ":pot'"))
                .as("the pot").isEqualTo(2 * WAGER);
        assertThat(SchemaIT.strings("SELECT kind || ' ' || reason || ' ' || lamports || ' ' || destination "
                + "FROM payouts WHERE game_id = " + game.id()))
                .containsExactly("REFUND OVERPAYMENT 1000 " + game.p2().address());
        assertThat(SchemaIT.strings("SELECT signature FROM deposits WHERE game_id = " + game.id() + " ORDER BY id"))
                .containsExactly(first, second);

        assertThat(TestEnvironment.get("/metrics").body().lines()
                .filter(line -> line.startsWith("sol_duel_blockchain_transactions_total{"))
                .anyMatch(line -> line.contains("type=\"deposit\"") && line.contains("status=\"credited\"")))
                .as("credited deposits are counted").isTrue();

        // Reported again (by its player, or for another game): credited once only.
        // (Deposit and stake transfers only: payouts of this and other tests go on meanwhile.)
        String credits = "SELECT COUNT(*) FROM ledger_transfers WHERE kind IN ('DEPOSIT', 'STAKE')";
        long transfers = number(credits);
        assertProblem(report(game.id(), game.p1(), first), 409, "deposit-already-credited");
        Game other = wageredGame();
        assertProblem(report(other.id(), game.p1(), first), 403, "not-your-game");
        assertThat(number(credits)).isEqualTo(transfers);
        assertThat(number("SELECT COUNT(*) FROM deposits WHERE game_id IN (" + game.id() + "," + other.id() + ")")).isEqualTo(2);
    }

    @Test
    void aPlayerFollowingTheGameOverTheSocketIsToldWhatToDepositAndHearsTheStartAndTheWinnerIsPaidOnChain() throws Exception {
        long[] vaultBefore = new long[1];
        long[] winnerBefore = new long[1];
        Player p1 = player();
        Player p2 = player();
        JsonObject created = TestEnvironment.json(GameApiIT.post("/api/games",
                "{\"gameType\":\"RPS\",\"wager\":" + WAGER + "}", p1.token()));
        long gameId = created.getJsonNumber("gameId").longValue();
        try (GameSocket first = GameSocket.connect(p1.token()); GameSocket second = GameSocket.connect(p2.token())) {
            first.join(gameId);
            assertThat(first.await("state").getString("status")).isEqualTo("WAITING_FOR_OPPONENT");
            assertThat(GameApiIT.post("/api/games/join", "{\"inviteCode\":\"" + created.getString("inviteCode") + "\"}",
                    p2.token()).statusCode()).isEqualTo(200);

            JsonObject told = first.await("deposit_required");
            assertThat(told.getJsonNumber("gameId").longValue()).isEqualTo(gameId);
            assertThat(told.getString("vault")).isEqualTo(vault);
            assertThat(told.getJsonNumber("lamports").longValue()).isEqualTo(WAGER);
            assertThat(told.getString("memo")).isEqualTo(memo(gameId, p1));
            assertThat(told.getJsonNumber("deadline").longValue()).isGreaterThan(System.currentTimeMillis());
            assertThat(told.getBoolean("deposited")).isFalse();

            String paid = LocalnetTransactions.transfer(p1.account(), vault, WAGER, memo(gameId, p1));
            assertThat(report(gameId, p1, paid).statusCode()).isEqualTo(200);
            second.join(gameId);
            JsonObject secondTold = second.await("deposit_required");
            assertThat(secondTold.getString("memo")).isEqualTo(memo(gameId, p2));
            assertThat(secondTold.getBoolean("opponentDeposited")).isTrue();
            String alsoPaid = LocalnetTransactions.transfer(p2.account(), vault, WAGER, memo(gameId, p2));
            assertThat(report(gameId, p2, alsoPaid).statusCode()).isEqualTo(200);

            assertThat(first.await("game_started").getJsonNumber("gameId").longValue()).isEqualTo(gameId);
            assertThat(second.await("game_started").getJsonNumber("gameId").longValue()).isEqualTo(gameId);

            // P2 wins the one round: paid the pot minus 2.5% on-chain, the house keeps the fee.
            vaultBefore[0] = LocalnetTransactions.balance(vault);
            winnerBefore[0] = LocalnetTransactions.balance(p2.address());
            first.submit(gameId, 1, "ROCK");
            second.submit(gameId, 1, "PAPER");
            assertThat(first.await("game_over").getString("outcome")).isEqualTo("P2");
            second.await("game_over");
        }
        long pot = 2 * WAGER;
        long fee = pot * 250 / 10_000;
        assertThat(SchemaIT.strings("SELECT kind || ' ' || reason || ' ' || lamports || ' ' || destination "
                + "FROM payouts WHERE game_id = " + gameId))
                .containsExactly("PAYOUT WIN " + (pot - fee) + " " + p2.address());
        String[] payout = awaitPayoutsConfirmed(gameId).get(0).split(" ");
        assertThat(LocalnetTransactions.balance(p2.address()) - winnerBefore[0]).as("the winner's balance on-chain")
                .isEqualTo(pot - fee);
        assertThat(LocalnetTransactions.payoutTransfers(vault, p2.address(), Long.parseLong(payout[0])))
                .as("transfers on the chain for this payout").hasSize(1)
                .allSatisfy(t -> assertThat(t.signature()).isEqualTo(payout[1]));
        assertThat(SchemaIT.strings("SELECT blockchain_tx_hash FROM games WHERE id = " + gameId)).containsExactly(payout[1]);
        long networkFee = number("SELECT network_fee FROM payouts WHERE id = " + payout[0]);
        assertThat(networkFee).as("two signatures' fee (fee payer and vault)").isEqualTo(10_000);
        assertThat(vaultBefore[0] - LocalnetTransactions.balance(vault)).as("the vault paid exactly the winner")
                .isEqualTo(pot - fee);
        assertThat(number("SELECT SUM(p.amount) FROM ledger_postings p JOIN ledger_transfers t ON t.id = p.transfer_id "
                + "WHERE t.game_id = " + gameId + " AND p.account = 'vault'"))
                .as("the vault keeps exactly the house fee, in the ledger as on-chain").isEqualTo(fee);
        assertThat(number("SELECT -SUM(p.amount) FROM ledger_postings p JOIN ledger_transfers t ON t.id = p.transfer_id "
                + "WHERE t.game_id = " + gameId + " AND p.account = 'feepayer'")).as("the fee payer paid the network fee")
                .isEqualTo(networkFee);
        assertThat(number("SELECT COALESCE(SUM(amount), 0) FROM ledger_postings WHERE account = 'game:" + gameId + ":pot'"))
                .as("the pot is empty").isZero();
        assertThat(number("SELECT -SUM(p.amount) FROM ledger_postings p JOIN ledger_transfers t ON t.id = p.transfer_id "
                + "WHERE t.game_id = " + gameId + " AND p.account = 'house:fees'")).isEqualTo(fee);
        assertThat(number("SELECT COALESCE(SUM(amount), 0) FROM ledger_postings WHERE account = 'player:" + p2.address()
                + ":payouts'")).as("nothing owed once paid").isZero();
        assertThat(number("SELECT total_earnings FROM players WHERE wallet_address = '" + p2.address() + "'"))
                .isEqualTo(WAGER - fee);
        assertThat(number("SELECT total_earnings FROM players WHERE wallet_address = '" + p1.address() + "'"))
                .isEqualTo(-WAGER);
        assertThat(number("SELECT COALESCE(SUM(amount), 0) FROM ledger_postings")).isZero();
    }

    @Test
    void aDrawRefundsBothStakesInFull() throws Exception {
        Game game = wageredGame();
        for (Player p : List.of(game.p1(), game.p2())) {
            String paid = LocalnetTransactions.transfer(p.account(), vault, WAGER, memo(game.id(), p));
            assertThat(report(game.id(), p, paid).statusCode()).isEqualTo(200);
        }
        try (GameSocket first = GameSocket.connect(game.p1().token()); GameSocket second = GameSocket.connect(game.p2().token())) {
            first.join(game.id());
            first.await("state");
            second.join(game.id());
            second.await("state");
            // Ten ties in a row end an RPS game as a draw (docs/games.md, TIE_CAP).
            for (int turn = 1; turn <= 10; turn++) {
                int t = turn;
                first.submit(game.id(), turn, "ROCK");
                second.submit(game.id(), turn, "ROCK");
                first.await("turn_result", f -> f.getInt("turn") == t);
            }
            JsonObject over = first.await("game_over");
            assertThat(over.getString("outcome")).isEqualTo("DRAW");
        }
        assertThat(SchemaIT.strings("SELECT kind || ' ' || reason || ' ' || lamports || ' ' || destination "
                + "FROM payouts WHERE game_id = " + game.id() + " ORDER BY destination"))
                .containsExactlyInAnyOrder("REFUND DRAW " + WAGER + " " + game.p1().address(),
                        "REFUND DRAW " + WAGER + " " + game.p2().address());
        for (String paid : awaitPayoutsConfirmed(game.id())) {
            long id = Long.parseLong(paid.split(" ")[0]);
            String to = SchemaIT.strings("SELECT destination FROM payouts WHERE id = " + id).get(0);
            assertThat(LocalnetTransactions.payoutTransfers(vault, to, id)).as("refund " + id + " on the chain")
                    .extracting(LocalnetTransactions.ChainTransfer::lamports).containsExactly(WAGER);
        }
        assertThat(number("SELECT COALESCE(SUM(amount), 0) FROM ledger_postings WHERE account = 'game:" + game.id() + ":pot'"))
                .isZero();
        assertThat(number("SELECT COUNT(*) FROM ledger_transfers WHERE game_id = " + game.id() + " AND kind = 'HOUSE_FEE'"))
                .as("no fee on a draw").isZero();
    }

    @Test
    void eachRefusedDepositIsAClearProblemAndCreditsNothing() throws Exception {
        Game game = wageredGame();
        Player p1 = game.p1();
        Account payer = p1.account();
        String memo = memo(game.id(), p1);
        // This game's transfers that credit or owe (payouts and reconciliation book meanwhile, never these).
        String credits = "SELECT COUNT(*) FROM ledger_transfers WHERE game_id = " + game.id()
                + " AND kind NOT IN ('UNATTRIBUTED', 'PAYOUT', 'NETWORK_FEE')";
        long transfersBefore = number(credits);

        assertProblem(report(game.id(), p1, LocalnetTransactions.transfer(payer, vault, WAGER - 1, memo)),
                422, "deposit-wrong-amount");
        assertProblem(report(game.id(), p1, LocalnetTransactions.transfer(payer, vault, WAGER,
                "solduel:deposit:game=" + (game.id() + 1) + ":wallet=" + p1.address())), 422, "deposit-wrong-memo");
        assertProblem(report(game.id(), p1, LocalnetTransactions.transfer(payer, vault, WAGER, null)), 422, "deposit-wrong-memo");
        assertProblem(report(game.id(), p1, LocalnetTransactions.transfer(payer, SolanaLocalnet.newAddress(), WAGER, memo)),
                422, "deposit-wrong-destination");
        // Someone else's real transfer, with my memo, reported as mine.
        TestWallet outsider = TestWallet.random();
        SolanaLocalnet.airdrop(outsider.address(), SOL);
        String theirs = LocalnetTransactions.transfer(outsider.solanaAccount(), vault, WAGER, memo);
        assertProblem(report(game.id(), p1, theirs), 422, "deposit-not-from-your-wallet");
        // More than the wallet holds, sent without preflight: it lands, fails, and only its fee is paid.
        String failed = LocalnetTransactions.send(payer, LocalnetTransactions.instructions(payer, vault, 100 * SOL, memo), true);
        TestEnvironment.await("the failing transaction lands", Duration.ofSeconds(10), () -> LocalnetTransactions.landedWithError(failed));
        assertProblem(report(game.id(), p1, failed), 422, "deposit-transaction-failed");
        // Never sent: not on-chain at the required commitment, so "try again", not "wrong".
        assertProblem(report(game.id(), p1, com.solduel.solana.Base58.encode(new byte[64])), 409, "deposit-not-confirmed");
        assertProblem(report(game.id(), p1, "not-a-signature"), 400, "invalid-signature");
        assertProblem(GameApiIT.post("/api/games/" + game.id() + "/deposits", "{\"signature\": 5}", p1.token()), 400, "invalid-type");
        assertProblem(report(game.id(), player(), LocalnetTransactions.transfer(payer, vault, WAGER, memo)), 403, "not-your-game");

        assertThat(number("SELECT COUNT(*) FROM deposits WHERE game_id = " + game.id())).as("deposits credited").isZero();
        assertThat(number(credits)).as("ledger transfers that credit or owe").isEqualTo(transfersBefore);
        assertThat(number("SELECT COUNT(*) FROM payouts WHERE game_id = " + game.id())).isZero();
        assertThat(status(game.id())).isEqualTo("AWAITING_DEPOSITS");

        // The deadline passes: the sweep cancels the game, and a deposit now is refused.
        SchemaIT.strings("UPDATE games SET deposit_deadline = now() - interval '1 second' WHERE id = " + game.id()
                + " RETURNING id");
        TestEnvironment.await("the sweep cancels game " + game.id(), Duration.ofSeconds(15), () -> {
            try {
                return status(game.id()).equals("CANCELLED");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        // One lamport more than the transfer above, so it is a new transaction whatever the blockhash.
        String late = LocalnetTransactions.transfer(payer, vault, WAGER + 1, memo);
        assertProblem(report(game.id(), p1, late), 409, "deposit-deadline-passed");
        assertThat(number("SELECT COUNT(*) FROM deposits WHERE game_id = " + game.id())).isZero();
        assertThat(number("SELECT COUNT(*) FROM payouts WHERE game_id = " + game.id())).as("nothing to refund").isZero();
    }

    @Test
    void depositsNobodyReportedAreFoundInTheVaultCreditedAndStartTheGame() throws Exception {
        Game game = wageredGame();
        String first = LocalnetTransactions.transfer(game.p1().account(), vault, WAGER, memo(game.id(), game.p1()));
        String second = LocalnetTransactions.transfer(game.p2().account(), vault, WAGER, memo(game.id(), game.p2()));

        // The test server polls the vault every second and leaves a deposit to its player for 6 s.
        TestEnvironment.await("the vault poller credits both deposits of game " + game.id(), Duration.ofSeconds(40), () -> {
            try {
                return status(game.id()).equals("IN_PROGRESS");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(SchemaIT.strings("SELECT signature FROM deposits WHERE game_id = " + game.id() + " ORDER BY signature"))
                .containsExactlyInAnyOrder(first, second);
        assertProblem(report(game.id(), game.p1(), first), 409, "deposit-already-credited");
        assertThat(SchemaIT.strings("SELECT COUNT(*) FROM vault_scan_cursor")).containsExactly("1");
    }

    @Test
    void aMissedDeadlineCancelsTheGameAndTheDepositThatWasPaidIsRefundedOnChain() throws Exception {
        Game game = wageredGame();
        String paid = LocalnetTransactions.transfer(game.p1().account(), vault, WAGER, memo(game.id(), game.p1()));
        assertThat(report(game.id(), game.p1(), paid).statusCode()).isEqualTo(200);

        SchemaIT.strings("UPDATE games SET deposit_deadline = now() - interval '1 second' WHERE id = " + game.id()
                + " RETURNING id");
        TestEnvironment.await("the sweep cancels game " + game.id(), Duration.ofSeconds(15), () -> {
            try {
                return status(game.id()).equals("CANCELLED");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(SchemaIT.strings("SELECT kind || ' ' || reason || ' ' || lamports || ' ' || destination "
                + "FROM payouts WHERE game_id = " + game.id()))
                .containsExactly("REFUND DEPOSIT_DEADLINE_MISSED " + WAGER + " " + game.p1().address());
        long refund = Long.parseLong(awaitPayoutsConfirmed(game.id()).get(0).split(" ")[0]);
        assertThat(LocalnetTransactions.payoutTransfers(vault, game.p1().address(), refund))
                .as("the refund on the chain, once").extracting(LocalnetTransactions.ChainTransfer::lamports)
                .containsExactly(WAGER);
        assertThat(number("SELECT COALESCE(SUM(amount), 0) FROM ledger_postings WHERE account = 'game:" + game.id() + ":pot'"))
                .as("the pot is empty").isZero();
        assertThat(number("SELECT COALESCE(SUM(amount), 0) FROM ledger_postings WHERE account = 'player:" + game.p1().address()
                + ":payouts'")).as("owed to the player who paid, then paid").isZero();
        assertThat(number("SELECT COALESCE(SUM(amount), 0) FROM ledger_postings WHERE account = 'player:"
                + game.p2().address() + ":payouts'")).as("nothing owed to the one who did not pay").isZero();
        assertThat(TestEnvironment.json(instructions(game.id(), game.p2())).getString("status")).isEqualTo("CANCELLED");
    }

    @Test
    void aWagerMustBeAnExactAmountWithinTheLimitsAndFreePlayIsUnchanged() throws Exception {
        Player p1 = player();
        long before = number("SELECT COUNT(*) FROM games");
        assertProblem(GameApiIT.post("/api/games", "{\"gameType\":\"RPS\",\"wager\":5}", p1.token()), 400, "invalid-wager");
        assertProblem(GameApiIT.post("/api/games", "{\"gameType\":\"RPS\",\"wager\":1000000000000}", p1.token()), 400, "invalid-wager");
        assertProblem(GameApiIT.post("/api/games", "{\"gameType\":\"RPS\",\"wager\":\"50000000\"}", p1.token()), 400, "invalid-number");
        assertProblem(GameApiIT.post("/api/games", "{\"gameType\":\"RPS\",\"wager\":5e7}", p1.token()), 400, "invalid-number");
        assertProblem(GameApiIT.post("/api/games", "{\"gameType\":\"RPS\",\"wager\":-50000000}", p1.token()), 400, "invalid-number");
        assertThat(number("SELECT COUNT(*) FROM games")).isEqualTo(before);

        JsonObject free = TestEnvironment.json(GameApiIT.post("/api/games", "{\"gameType\":\"RPS\",\"wager\":0}", p1.token()));
        assertThat(free.getJsonNumber("wager").longValue()).isZero();
        Player p2 = player();
        JsonObject joined = TestEnvironment.json(GameApiIT.post("/api/games/join",
                "{\"inviteCode\":\"" + free.getString("inviteCode") + "\"}", p2.token()));
        assertThat(joined.getString("status")).isEqualTo("IN_PROGRESS");
        assertProblem(instructions(free.getJsonNumber("gameId").longValue(), p2), 409, "game-not-wagered");
    }

    @Test
    void theDatabaseRefusesAnUnbalancedTransferAndAnyChangeToThePostings() throws Exception {
        try (var db = TestEnvironment.database()) {
            db.setAutoCommit(false);
            try (var st = db.createStatement()) {
                st.execute("INSERT INTO ledger_transfers (kind, idempotency_key) VALUES ('DEPOSIT', 'it-unbalanced')");
                st.execute("INSERT INTO ledger_postings (transfer_id, account, amount) VALUES "
                        + "(currval('ledger_transfers_id_seq'), 'vault', 5), (currval('ledger_transfers_id_seq'), 'house:fees', -4)");
            }
            org.assertj.core.api.Assertions.assertThatThrownBy(db::commit).isInstanceOf(SQLException.class)
                    .hasMessageContaining("not balanced");
            db.rollback();
            try (var st = db.createStatement()) {
                st.execute("INSERT INTO ledger_transfers (kind, idempotency_key) VALUES ('DEPOSIT', 'it-balanced')");
                st.execute("INSERT INTO ledger_postings (transfer_id, account, amount) VALUES "
                        + "(currval('ledger_transfers_id_seq'), 'vault', 5), (currval('ledger_transfers_id_seq'), 'house:fees', -5)");
            }
            db.commit();
            for (String change : List.of("UPDATE ledger_postings SET amount = amount WHERE transfer_id = (SELECT id FROM ledger_transfers WHERE idempotency_key = 'it-balanced')",
                    "DELETE FROM ledger_postings WHERE transfer_id = (SELECT id FROM ledger_transfers WHERE idempotency_key = 'it-balanced')",
                    "UPDATE ledger_transfers SET reference = 'x' WHERE idempotency_key = 'it-balanced'",
                    "DELETE FROM ledger_transfers WHERE idempotency_key = 'it-balanced'",
                    "INSERT INTO ledger_postings (transfer_id, account, amount) SELECT id, 'vault', 1 FROM ledger_transfers WHERE idempotency_key = 'it-balanced'",
                    "INSERT INTO ledger_transfers (kind, idempotency_key) VALUES ('DEPOSIT', 'it-balanced')")) {
                try (var st = db.createStatement()) {
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> st.execute(change)).as(change)
                            .isInstanceOf(SQLException.class);
                }
                db.rollback();
            }
        }
        assertThat(number("SELECT COUNT(*) FROM ledger_postings WHERE transfer_id = (SELECT id FROM ledger_transfers "
                + "WHERE idempotency_key = 'it-balanced')")).isEqualTo(2);
        assertThat(number("SELECT COUNT(*) FROM ledger_transfers WHERE idempotency_key = 'it-unbalanced'")).isZero();
    }
}
