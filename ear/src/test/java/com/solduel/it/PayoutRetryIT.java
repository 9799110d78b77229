package com.solduel.it;

import static com.solduel.it.SignInIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.p2p.solanaj.core.PublicKey;
import org.p2p.solanaj.programs.MemoProgram;
import org.p2p.solanaj.programs.SystemProgram;

/**
 * A payout the chain refuses (the wallet emptied itself, so a tiny refund would leave it below the
 * rent-exempt minimum) is FAILED, listed for admins, and paid exactly once after the cause is fixed
 * and an admin retries it (docs/payouts.md).
 */
class PayoutRetryIT {

    private static final long WAGER = 50_000_000L;
    private static String vault;
    private static String admin;

    @BeforeAll
    static void setUp() {
        SolanaLocalnet.requireRunning();
        vault = TestEnvironment.json(TestEnvironment.get("/api/vault")).getString("address");
        admin = TestWallet.admin().signIn();
    }

    static HttpResponse<String> adminGet(String path, String token) {
        return TestEnvironment.send(HttpRequest.newBuilder(URI.create(TestEnvironment.BASE_URL + path))
                .header("Authorization", "Bearer " + token).GET());
    }

    static HttpResponse<String> retry(long payoutId, String token) {
        return GameApiIT.post("/api/admin/payouts/" + payoutId + "/retry", "", token);
    }

    static String status(long payoutId) {
        try {
            return SchemaIT.strings("SELECT status FROM payouts WHERE id = " + payoutId).get(0);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRefundTheChainRefusesIsFailedListedAndPaidOnceAfterTheAdminsRetry() throws Exception {
        WagerIT.Game game = WagerIT.wageredGame();
        WagerIT.Player p2 = game.p2();
        // One transaction: the deposit plus 1 lamport, and every other lamport to elsewhere: the wallet is left empty.
        long balance = LocalnetTransactions.balance(p2.address());
        long rest = balance - (WAGER + 1) - 5_000;
        String paid = LocalnetTransactions.send(p2.account(), List.of(
                SystemProgram.transfer(p2.account().getPublicKey(), new PublicKey(vault), WAGER + 1),
                SystemProgram.transfer(p2.account().getPublicKey(), new PublicKey(SolanaLocalnet.newAddress()), rest),
                MemoProgram.writeUtf8(p2.account().getPublicKey(), WagerIT.memo(game.id(), p2))), false);
        assertThat(LocalnetTransactions.balance(p2.address())).isZero();
        HttpResponse<String> credited = WagerIT.report(game.id(), p2, paid);
        assertThat(credited.statusCode()).as(credited.body()).isEqualTo(200);
        assertThat(TestEnvironment.json(credited).getJsonNumber("refundLamports").longValue()).isEqualTo(1);
        long payoutId = WagerIT.number("SELECT id FROM payouts WHERE game_id = " + game.id() + " AND reason = 'OVERPAYMENT'");

        TestEnvironment.await("refund " + payoutId + " FAILED", Duration.ofSeconds(30), () -> status(payoutId).equals("FAILED"));
        JsonArray failed = TestEnvironment.jsonArray(adminGet("/api/admin/payouts?status=FAILED", admin));
        JsonObject listed = failed.getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getJsonNumber("id").longValue() == payoutId).findFirst().orElseThrow();
        assertThat(listed.getString("kind")).isEqualTo("REFUND");
        assertThat(listed.getString("destination")).isEqualTo(p2.address());
        assertThat(listed.getJsonNumber("lamports").longValue()).isEqualTo(1);
        assertThat(listed.getString("lastError")).containsIgnoringCase("rent");
        // The gauge reads PostgreSQL at most every 2 s: a scrape just before the failure may still be served.
        TestEnvironment.await("sol_duel_payouts_failed counts it", Duration.ofSeconds(10), () -> java.util.regex.Pattern
                .compile("(?m)^sol_duel_payouts_failed(\\{[^}]*\\})? [1-9]").matcher(TestEnvironment.get("/metrics").body()).find());
        assertThat(LocalnetTransactions.payoutTransfers(vault, p2.address(), payoutId)).isEmpty();

        // Not an admin, not FAILED, no such payout: refused, nothing changes.
        assertProblem(retry(payoutId, p2.token()), 403, "forbidden");
        assertProblem(retry(Long.MAX_VALUE / 2, admin), 404, "payout-not-found");
        assertThat(status(payoutId)).isEqualTo("FAILED");

        // The player funds their wallet again; the admin retries: paid once.
        SolanaLocalnet.airdrop(p2.address(), 10_000_000L);
        HttpResponse<String> retried = retry(payoutId, admin);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(TestEnvironment.json(retried).getString("status")).isIn("PENDING", "SIGNED", "SENT", "CONFIRMED");
        // When the refused transfer's bytes were recorded, the retry first waits until they can never land
        // (their blockhash expired: 150 slots, 60 s on the localnet, then the job's next look), so this can
        // take two minutes; seen here: 136 s from the first signature to the new transfer landing, and over 180 s
        // once on a fresh clone's CI run (the localnet's slots come slower on a loaded machine).
        TestEnvironment.await("refund " + payoutId + " CONFIRMED", Duration.ofSeconds(300),
                () -> status(payoutId).equals("CONFIRMED"));
        assertThat(LocalnetTransactions.payoutTransfers(vault, p2.address(), payoutId))
                .extracting(LocalnetTransactions.ChainTransfer::lamports).containsExactly(1L);
        assertThat(LocalnetTransactions.balance(p2.address())).isEqualTo(10_000_001L);
        assertProblem(retry(payoutId, admin), 409, "payout-not-failed");
        assertThat(WagerIT.number("SELECT COALESCE(SUM(amount), 0) FROM ledger_postings WHERE account = 'player:"
                + p2.address() + ":payouts'")).isZero();
    }
}
