package com.solduel.it;

import static com.solduel.it.SignInIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.p2p.solanaj.core.Account;

/**
 * Reconciliation against the real localnet through the real server (docs/money.md, "Reconciliation"):
 * after wagered games are deposited, played and paid on-chain, every lamport of the vault is explained
 * by the ledger; lamports sent to the vault without a deposit are booked once and listed; lamports
 * taken out of the vault with its key outside the server are a critical item and a drift on /metrics
 * and in the admin's view, until they come back.
 */
class ReconciliationIT {

    private static final long SOL = 1_000_000_000L;
    private static final long WAGER = 50_000_000L;
    private static final long NETWORK_FEE = 5_000L;
    private static String vault;
    private static String admin;

    @BeforeAll
    static void setUp() {
        SolanaLocalnet.requireRunning();
        vault = TestEnvironment.json(TestEnvironment.get("/api/vault")).getString("address");
        admin = TestWallet.admin().signIn();
    }

    /**
     * Waits until no payout is on its way (another test's refund landing meanwhile would move the vault
     * between the run and the test's own reads), asks for a run and waits for one that started after
     * the request; returns GET /api/admin/reconciliation.
     */
    static JsonObject reconcile() {
        TestEnvironment.await("no payout on its way", Duration.ofSeconds(60), () -> {
            try {
                return WagerIT.number("SELECT COUNT(*) FROM payouts WHERE status IN ('PENDING', 'SIGNED', 'SENT')") == 0;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        Instant requested = Instant.now(); // the server and its database run on this machine: one clock
        JsonObject[] view = new JsonObject[1];
        long[] asked = {0};
        TestEnvironment.await("a reconciliation run that started after the request", Duration.ofSeconds(60), () -> {
            if (System.nanoTime() - asked[0] > Duration.ofSeconds(10).toNanos()) {
                HttpResponse<String> run = GameApiIT.post("/api/admin/reconciliation/run", "", admin);
                assertThat(run.statusCode()).as(run.body()).isEqualTo(202);
                assertThat(TestEnvironment.json(run).getBoolean("requested")).isTrue();
                asked[0] = System.nanoTime();
            }
            view[0] = TestEnvironment.json(PayoutRetryIT.adminGet("/api/admin/reconciliation", admin));
            JsonValue last = view[0].get("lastRun");
            return last instanceof JsonObject run && Instant.parse(run.getString("startedAt")).isAfter(requested);
        });
        return view[0];
    }

    static long vaultLedger() throws SQLException {
        return WagerIT.number("SELECT COALESCE(SUM(amount), 0) FROM ledger_postings WHERE account = 'vault'");
    }

    static List<JsonObject> items(JsonObject view, String kind) {
        return view.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(item -> item.getString("kind").equals(kind)).toList();
    }

    /** Waits until /metrics shows {@code expected} (its gauges are read from the database at most every 2 s). */
    static void awaitMetric(String name, String label, double expected) {
        TestEnvironment.await(name + "{" + label + "} = " + expected + " on /metrics", Duration.ofSeconds(10),
                () -> metric(name, label) == expected);
    }

    static double metric(String name, String label) {
        String metrics = TestEnvironment.get("/metrics?scope=application").body();
        Matcher m = Pattern.compile("(?m)^" + name + "\\{([^}]*)} ([0-9.eE+-]+)$").matcher(metrics);
        while (m.find()) {
            if (m.group(1).contains(label)) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError(name + " with " + label + " is not on /metrics");
    }

    /** The vault's own keypair, read as the server reads it (the file .local/server.env names). */
    static Account vaultKey() {
        try {
            JsonArray bytes = Json.createReader(Files.newBufferedReader(Path.of(TestEnvironment.secret("SOLDUEL_VAULT_KEYPAIR_LOCATION"))))
                    .readArray();
            byte[] secret = new byte[64];
            for (int i = 0; i < 64; i++) {
                secret[i] = (byte) bytes.getInt(i);
            }
            return new Account(secret);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void afterWageredGamesArePlayedAndPaidEveryLamportOfTheVaultIsExplained() throws Exception {
        // A game won on-chain: both deposit, P2 wins, the payouts job pays the pot minus the fee.
        WagerIT.Game won = WagerIT.wageredGame();
        for (WagerIT.Player player : List.of(won.p1(), won.p2())) {
            String paid = LocalnetTransactions.transfer(player.account(), vault, WAGER, WagerIT.memo(won.id(), player));
            assertThat(WagerIT.report(won.id(), player, paid).statusCode()).isEqualTo(200);
        }
        try (GameSocket first = GameSocket.connect(won.p1().token()); GameSocket second = GameSocket.connect(won.p2().token())) {
            first.join(won.id());
            first.await("state");
            second.join(won.id());
            second.await("state");
            first.submit(won.id(), 1, "ROCK");
            second.submit(won.id(), 1, "PAPER");
            assertThat(first.await("game_over").getString("outcome")).isEqualTo("P2");
        }
        // A game cancelled after one deposit: its stake refunded on-chain.
        WagerIT.Game cancelled = WagerIT.wageredGame();
        String stake = LocalnetTransactions.transfer(cancelled.p1().account(), vault, WAGER, WagerIT.memo(cancelled.id(), cancelled.p1()));
        assertThat(WagerIT.report(cancelled.id(), cancelled.p1(), stake).statusCode()).isEqualTo(200);
        SchemaIT.strings("UPDATE games SET deposit_deadline = now() - interval '1 second' WHERE id = " + cancelled.id() + " RETURNING id");
        TestEnvironment.await("the deadline sweep cancels game " + cancelled.id(), Duration.ofSeconds(15), () -> {
            try {
                return WagerIT.status(cancelled.id()).equals("CANCELLED");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        WagerIT.awaitPayoutsConfirmed(won.id());
        WagerIT.awaitPayoutsConfirmed(cancelled.id());

        JsonObject view = reconcile();
        JsonObject run = view.getJsonObject("lastRun");
        long onChain = LocalnetTransactions.balance(vault);
        assertThat(run.getString("status")).as(view.toString()).isEqualTo("OK");
        assertThat(run.getJsonNumber("driftLamports").longValue()).isZero();
        assertThat(run.getJsonNumber("onChainLamports").longValue()).as("the vault's balance on-chain").isEqualTo(onChain);
        assertThat(run.getJsonNumber("ledgerLamports").longValue() + run.getJsonNumber("inFlightLamports").longValue())
                .isEqualTo(onChain);
        assertThat(run.getString("vault")).isEqualTo(vault);
        assertThat(vaultLedger()).as("the ledger's vault account holds every lamport of the vault, its float included")
                .isEqualTo(onChain);
        assertThat(items(view, "UNATTRIBUTED_INFLOW")).as("the set-up's 10 SOL float, booked to vault:unattributed")
                .anyMatch(item -> item.getJsonNumber("lamports").longValue() == 10 * SOL && !item.getBoolean("critical"));
        assertThat(items(view, "DRIFT")).isEmpty();
        assertThat(items(view, "LEDGER_INVARIANT")).isEmpty();
        assertThat(WagerIT.number("SELECT COALESCE(SUM(amount), 0) FROM ledger_postings")).isZero();

        awaitMetric("sol_duel_vault_balance_lamports", "", onChain);
        assertThat(metric("sol_duel_ledger_drift_lamports", "")).isZero();
        assertThat(metric("sol_duel_vault_ledger_lamports", "")).isEqualTo((double) onChain);
        assertThat(metric("sol_duel_reconciliation_last_run_timestamp_seconds", ""))
                .isGreaterThan(Instant.now().minusSeconds(120).getEpochSecond());
        assertThat(metric("sol_duel_reconciliation_items", "kind=\"DRIFT\"")).isZero();
    }

    @Test
    void lamportsSentToTheVaultWithoutAValidMemoAreBookedOnceAndListed() throws Exception {
        WagerIT.Player sender = WagerIT.player();
        long lamports = 12_345_678L;
        String stray = LocalnetTransactions.transfer(sender.account(), vault, lamports, "thanks for the game!");
        // A deposit memo for a game that does not exist: no game can ever credit it.
        String nowhere = LocalnetTransactions.transfer(sender.account(), vault, 2_000_000L,
                "solduel:deposit:game=999999999:wallet=" + sender.address());

        JsonObject view = reconcile();
        assertThat(view.getJsonObject("lastRun").getString("status")).as(view.toString()).isEqualTo("OK");
        assertThat(items(view, "UNATTRIBUTED_INFLOW")).anySatisfy(item -> {
            assertThat(item.getString("signature")).isEqualTo(stray);
            assertThat(item.getJsonNumber("lamports").longValue()).isEqualTo(lamports);
            assertThat(item.getString("detail")).contains("thanks for the game!");
        }).anySatisfy(item -> {
            assertThat(item.getString("signature")).isEqualTo(nowhere);
            assertThat(item.getJsonNumber("lamports").longValue()).isEqualTo(2_000_000L);
        });
        assertThat(SchemaIT.strings("SELECT t.kind || ' ' || p.account || ' ' || p.amount FROM ledger_transfers t "
                + "JOIN ledger_postings p ON p.transfer_id = t.id WHERE t.reference = '" + stray + "' ORDER BY p.amount DESC"))
                .containsExactly("UNATTRIBUTED vault " + lamports, "UNATTRIBUTED vault:unattributed -" + lamports);

        // Reconciled again: booked once, listed once, still every lamport explained.
        JsonObject again = reconcile();
        assertThat(again.getJsonObject("lastRun").getJsonNumber("driftLamports").longValue()).isZero();
        assertThat(WagerIT.number("SELECT COUNT(*) FROM ledger_transfers WHERE reference = '" + stray + "'")).isEqualTo(1);
        assertThat(items(again, "UNATTRIBUTED_INFLOW").stream().filter(item -> item.getString("signature").equals(stray))).hasSize(1);
        assertThat(vaultLedger()).isEqualTo(LocalnetTransactions.balance(vault));
    }

    @Test
    void lamportsTakenFromTheVaultOutsideTheServerAreACriticalItemAndADriftUntilTheyComeBack() throws Exception {
        reconcile(); // start from a reconciled vault
        Account thief = new Account();
        SolanaLocalnet.airdrop(thief.getPublicKey().toBase58(), SOL);
        long taken = 20_000_000L;
        String outflow = LocalnetTransactions.transfer(vaultKey(), thief.getPublicKey().toBase58(), taken, null);
        long lost = taken + NETWORK_FEE; // the vault paid the fee too
        try {
            JsonObject view = reconcile();
            JsonObject run = view.getJsonObject("lastRun");
            assertThat(run.getString("status")).as(view.toString()).isEqualTo("DRIFT");
            assertThat(run.getJsonNumber("driftLamports").longValue()).isEqualTo(-lost);
            assertThat(items(view, "UNEXPLAINED_OUTFLOW")).singleElement().satisfies(item -> {
                assertThat(item.getString("signature")).isEqualTo(outflow);
                assertThat(item.getJsonNumber("lamports").longValue()).isEqualTo(lost);
                assertThat(item.getBoolean("critical")).isTrue();
            });
            assertThat(items(view, "DRIFT")).singleElement().satisfies(item -> {
                assertThat(item.getJsonNumber("lamports").longValue()).isEqualTo(-lost);
                assertThat(item.getString("subject")).isEqualTo("vault:" + vault);
            });
            awaitMetric("sol_duel_ledger_drift_lamports", "", -lost);
            assertThat(metric("sol_duel_reconciliation_items", "kind=\"UNEXPLAINED_OUTFLOW\"")).isEqualTo(1);
            assertThat(metric("sol_duel_reconciliation_items", "kind=\"DRIFT\"")).isEqualTo(1);
            assertThat(WagerIT.number("SELECT COUNT(*) FROM ledger_transfers WHERE reference = '" + outflow + "'"))
                    .as("an outflow nobody explains is not booked: it stays drift").isZero();
        } finally {
            // Given back with the memo naming it: the vault is whole again for the tests after this one.
            LocalnetTransactions.transfer(thief, vault, lost, "solduel:return:" + outflow);
        }
        JsonObject after = reconcile();
        assertThat(after.getJsonObject("lastRun").getString("status")).as(after.toString()).isEqualTo("OK");
        assertThat(after.getJsonObject("lastRun").getJsonNumber("driftLamports").longValue()).isZero();
        assertThat(items(after, "UNEXPLAINED_OUTFLOW")).isEmpty();
        assertThat(items(after, "DRIFT")).isEmpty();
        awaitMetric("sol_duel_ledger_drift_lamports", "", 0);
        awaitMetric("sol_duel_reconciliation_items", "kind=\"UNEXPLAINED_OUTFLOW\"", 0);
        assertThat(vaultLedger()).isEqualTo(LocalnetTransactions.balance(vault));
    }

    @Test
    void onlyAnAdminSeesTheReconciliationOrStartsOne() throws Exception {
        String player = TestWallet.random().signIn();
        assertProblem(PayoutRetryIT.adminGet("/api/admin/reconciliation", player), 403, "forbidden");
        assertProblem(TestEnvironment.get("/api/admin/reconciliation"), 401, "unauthorized");
        reconcile(); // the scheduled run at start is over; the next one is minutes away
        long runs = WagerIT.number("SELECT COUNT(*) FROM reconciliation_runs");
        assertProblem(GameApiIT.post("/api/admin/reconciliation/run", "", player), 403, "forbidden");
        Thread.sleep(3_000);
        assertThat(WagerIT.number("SELECT COUNT(*) FROM reconciliation_runs")).as("no run started for a player").isEqualTo(runs);
    }
}
