package com.solduel.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Exactly-once payouts under crashes and a lossy chain (docs/payouts.md), against the real
 * localnet through the real server. Node A is restarted with {@code solduel.payouts.crash-test.pause-at}
 * so the payouts job stops at one cut point of a first attempt, then killed there with SIGKILL and
 * started again (with the pause of the next case: the cases run in order); after each restart the payout must end
 * CONFIRMED with exactly one transfer for it <b>on the chain</b> — transfers are counted on the
 * chain, not in the database. Then the localnet loses every send until the attempt's blockhash
 * expires, and one of the three RPC ports hangs during payouts. Each case prints one line of the
 * table in docs/payouts.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PayoutCrashIT {

    private static final LibertyNode A = LibertyNode.a();
    private static final String PAUSE = "solduel.payouts.crash-test.pause-at";
    private static final long WAGER = 50_000_000L;
    private static String vault;
    private static final List<String> TABLE = new ArrayList<>();

    /** A refund owed at once: the player's deposit was {@code extra} lamports over the wager. */
    record Owed(long payoutId, String wallet, long lamports, long walletBefore) {
    }

    @BeforeAll
    static void noPayoutOpen() {
        SolanaLocalnet.requireRunning();
        vault = TestEnvironment.json(TestEnvironment.get("/api/vault")).getString("address");
        awaitNoOpenPayout();
    }

    @AfterAll
    static void nodeAAsBuilt() {
        SolanaLocalnet.clearFaults();
        if (variablesSet || !A.isRunning()) {
            restart(Map.of());
        }
        System.out.println("[PayoutCrashIT] cut point | state at the kill | on the chain at the kill | after the restart");
        TABLE.forEach(line -> System.out.println("[PayoutCrashIT] " + line));
    }

    /** A wagered challenge whose second player deposits {@code extra} lamports too many: a refund row, owed now. */
    static Owed overpaid(long extra) throws SQLException {
        return overpaid(extra, () -> { });
    }

    /** The same, with {@code beforeReport} run once the deposit landed and before it is reported. */
    static Owed overpaid(long extra, Runnable beforeReport) throws SQLException {
        WagerIT.Game game = WagerIT.wageredGame();
        String paid = LocalnetTransactions.transfer(game.p2().account(), vault, WAGER + extra, WagerIT.memo(game.id(), game.p2()));
        long before = LocalnetTransactions.balance(game.p2().address());
        beforeReport.run();
        assertThat(WagerIT.report(game.id(), game.p2(), paid).statusCode()).isEqualTo(200);
        long id = WagerIT.number("SELECT id FROM payouts WHERE game_id = " + game.id() + " AND reason = 'OVERPAYMENT'");
        return new Owed(id, game.p2().address(), extra, before);
    }

    private static boolean variablesSet;

    static void restart(Map<String, String> variables) {
        if (A.isRunning()) {
            A.kill9();
        }
        A.clearTestVariables();
        variablesSet = !variables.isEmpty();
        if (variablesSet) {
            A.testVariables(variables);
        }
        A.start();
    }

    static void awaitPausedAt(String point, long payoutId) {
        String line = "payouts [" + payoutId + "] paused at crash point " + point;
        TestEnvironment.await("node A's payouts job to stop at " + point, Duration.ofSeconds(60), () -> {
            try {
                return Files.readString(A.messagesLog()).contains(line);
            } catch (IOException e) {
                return false;
            }
        });
    }

    static String row(long payoutId) throws SQLException {
        return SchemaIT.strings("SELECT status || CASE WHEN signature IS NULL THEN ', no attempt' ELSE ', attempt recorded' END "
                + "|| ', ' || (SELECT COUNT(*) FROM payout_attempts a WHERE a.payout_id = p.id) || ' attempt row(s)' "
                + "FROM payouts p WHERE id = " + payoutId).get(0);
    }

    static void awaitConfirmed(long payoutId) {
        TestEnvironment.await("payout " + payoutId + " CONFIRMED", Duration.ofSeconds(90), () -> {
            try {
                return WagerIT.number("SELECT COUNT(*) FROM payouts WHERE id = " + payoutId + " AND status = 'CONFIRMED'") == 1;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static void awaitNoOpenPayout() {
        TestEnvironment.await("no payout open", Duration.ofSeconds(90), () -> {
            try {
                return WagerIT.number("SELECT COUNT(*) FROM payouts WHERE status IN ('PENDING', 'SIGNED', 'SENT')") == 0;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Exactly one transfer on the chain for the payout, of its amount, and the wallet's balance rose by exactly that. */
    static String assertPaidOnce(Owed owed) throws SQLException {
        List<LocalnetTransactions.ChainTransfer> onChain = LocalnetTransactions.payoutTransfers(vault, owed.wallet(), owed.payoutId());
        assertThat(onChain).as("transfers on the chain for payout " + owed.payoutId()).hasSize(1);
        assertThat(onChain.get(0).lamports()).isEqualTo(owed.lamports());
        assertThat(LocalnetTransactions.balance(owed.wallet()) - owed.walletBefore()).as("the wallet received the refund once")
                .isEqualTo(owed.lamports());
        assertThat(SchemaIT.strings("SELECT signature FROM payouts WHERE id = " + owed.payoutId()))
                .containsExactly(onChain.get(0).signature());
        assertThat(WagerIT.number("SELECT COALESCE(SUM(amount), 0) FROM ledger_postings WHERE account = 'player:"
                + owed.wallet() + ":payouts'")).as("nothing owed any more").isZero();
        assertThat(WagerIT.number("SELECT COALESCE(SUM(amount), 0) FROM ledger_postings")).isZero();
        return "CONFIRMED, 1 transfer on the chain, " + WagerIT.number("SELECT attempts FROM payouts WHERE id = "
                + owed.payoutId()) + " attempt(s) signed";
    }

    static int onChain(Owed owed) {
        return LocalnetTransactions.payoutTransfers(vault, owed.wallet(), owed.payoutId()).size();
    }

    /** What a cut point left when the server was killed there. */
    private record Crash(String point, Owed owed, String state, int onChainAtKill) {
    }

    private static Crash crashed;

    /** Node A runs with the pause at {@code point}: a new payout stops there, and the server is killed there. */
    private static void crashAt(String point) throws Exception {
        Owed owed = overpaid(1_000_000);
        awaitPausedAt(point, owed.payoutId());
        crashed = new Crash(point, owed, row(owed.payoutId()), onChain(owed));
        A.kill9();
    }

    /**
     * Starts node A again (with the pause of the next case, which the recovery of this one never meets:
     * pauses are on first attempts only) and checks the crashed payout is paid exactly once.
     */
    private static void restartAndSettle(String nextPause) throws Exception {
        restart(nextPause == null ? Map.of() : Map.of(PAUSE, nextPause));
        // The execution the kill left behind is FAILED (Liberty's recovery at start) and restarted from its checkpoint.
        TestEnvironment.await("the killed payouts execution restarted from its checkpoint", Duration.ofSeconds(30), () -> {
            try {
                return Files.readString(A.messagesLog()).contains("restarted from its checkpoint");
            } catch (IOException e) {
                return false;
            }
        });
        awaitConfirmed(crashed.owed().payoutId());
        TABLE.add(crashed.point() + " | " + crashed.state() + " | " + crashed.onChainAtKill() + " transfer(s) | "
                + assertPaidOnce(crashed.owed()));
    }

    @Test
    @Order(1)
    void killedAfterRecordingBeforeSendingTheRecordedBytesAreSentAndPaidOnce() throws Exception {
        restart(Map.of(PAUSE, "after-record"));
        crashAt("after-record");
        restartAndSettle("after-send");
    }

    @Test
    @Order(2)
    void killedAfterSendingBeforeConfirmingTheTransferIsFoundOnTheChainAndPaidOnce() throws Exception {
        crashAt("after-send");
        restartAndSettle("after-confirm");
    }

    @Test
    @Order(3)
    void killedAfterConfirmingBeforeMarkingThePayoutIsMarkedFromTheChainAndPaidOnce() throws Exception {
        crashAt("after-confirm");
        restartAndSettle("after-sign");
    }

    @Test
    @Order(4)
    void killedAfterSigningBeforeRecordingTheAttemptThePayoutIsSignedAnewAndPaidOnce() throws Exception {
        crashAt("after-sign");
        restartAndSettle(null);
    }

    @Test
    @Order(5)
    void aTransferTheChainLosesIsSignedAnewOnlyOnceItsBlockhashExpiredAndPaidOnce() throws Exception {
        Owed owed;
        try {
            // Lost sends from the moment the payout is owed (the test's own deposit landed before).
            owed = overpaid(2_000_000, () -> SolanaLocalnet.PORTS.forEach(port -> SolanaLocalnet.setFault(port,
                    SolanaLocalnet.Fault.DROP_TX)));
            // Every send is answered and lost: the attempt stays live until its blockhash expires
            // (150 blocks, about 60 s), and only then is it signed anew.
            TestEnvironment.await("the lost attempt of payout " + owed.payoutId() + " to expire", Duration.ofSeconds(150), () -> {
                try {
                    return WagerIT.number("SELECT COUNT(*) FROM payout_attempts WHERE payout_id = " + owed.payoutId()
                            + " AND outcome = 'EXPIRED'") >= 1;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            SolanaLocalnet.clearFaults();
        }
        String first = SchemaIT.strings("SELECT signature FROM payout_attempts WHERE payout_id = " + owed.payoutId()
                + " AND attempt = 1").get(0);
        awaitConfirmed(owed.payoutId());
        assertThat(SolanaLocalnet.rpc(SolanaLocalnet.PORTS.get(0), "getSignatureStatuses", jakarta.json.Json.createArrayBuilder()
                .add(jakarta.json.Json.createArrayBuilder().add(first))
                .add(jakarta.json.Json.createObjectBuilder().add("searchTransactionHistory", true)).build())
                .asJsonObject().getJsonArray("value").get(0)).as("the lost first attempt never landed")
                .isEqualTo(jakarta.json.JsonValue.NULL);
        TABLE.add("localnet drops every send until the blockhash expired | SENT, attempt 1 live | 0 transfers | "
                + assertPaidOnce(owed));
        assertThat(WagerIT.number("SELECT attempts FROM payouts WHERE id = " + owed.payoutId())).isGreaterThanOrEqualTo(2);
    }

    @Test
    @Order(6)
    void withOneOfThreeRpcPortsHangingEveryPayoutLandsExactlyOnce() throws Exception {
        // The server's pool takes its endpoints round-robin: a third of its calls meet the hung port
        // (this test's own client uses the first port).
        SolanaLocalnet.setFault(SolanaLocalnet.PORTS.get(1), SolanaLocalnet.Fault.HANG);
        List<Owed> owed = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                owed.add(overpaid(3_000_000 + i));
            }
            for (Owed one : owed) {
                awaitConfirmed(one.payoutId());
            }
        } finally {
            SolanaLocalnet.clearFaults();
        }
        for (Owed one : owed) {
            assertPaidOnce(one);
        }
        TABLE.add("RPC port " + SolanaLocalnet.PORTS.get(1) + " hangs during 4 payouts | - | - | each CONFIRMED, 1 transfer on the chain");
    }
}
