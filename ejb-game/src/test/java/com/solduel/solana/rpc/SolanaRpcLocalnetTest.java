package com.solduel.solana.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.solduel.solana.Base58;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.p2p.solanaj.core.Account;
import org.p2p.solanaj.core.PublicKey;
import org.p2p.solanaj.core.Transaction;
import org.p2p.solanaj.programs.SystemProgram;

/**
 * The typed calls against the project's real Solana localnet (litesvm), which this test starts on
 * two free ports: transactions built and signed with solanaj, sent through the pool's wire.
 * No container here, so no Fault Tolerance: RpcPoolIT covers that on Liberty.
 */
class SolanaRpcLocalnetTest {

    private static final long SOL = 1_000_000_000L;
    private static final Path SERVER = Path.of("..", "tools", "solana-localnet", "server.js").toAbsolutePath().normalize();
    private static Process localnet;
    private static final List<CountingLane> lanes = List.of(new CountingLane(), new CountingLane());
    private static SolanaRpc solana;

    /** A real lane (real transport) that counts what it is sent. */
    static final class CountingLane extends RpcLane {
        final AtomicInteger sent = new AtomicInteger();

        CountingLane() {
            transport = new JsonRpcTransport();
        }

        @Override
        public jakarta.json.JsonObject send(java.net.URI endpoint, JsonRpcRequest request, Duration backstop) {
            sent.incrementAndGet();
            return super.send(endpoint, request, backstop);
        }
    }

    @BeforeAll
    static void startLocalnet() throws IOException {
        if (!Files.exists(SERVER.resolveSibling("node_modules"))) {
            fail("the Solana localnet's dependencies are missing: run scripts/setup.sh (npm ci in tools/solana-localnet)");
        }
        try {
            localnet = new ProcessBuilder("node", SERVER.toString(), "--ports", "0,0", "--instant-finality")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("cannot start the Solana localnet with `node`: install Node.js 20 (scripts/setup.sh checks it): " + e);
        }
        BufferedReader out = new BufferedReader(new InputStreamReader(localnet.getInputStream(), StandardCharsets.UTF_8));
        Pattern ready = Pattern.compile("solana-localnet ready ports=(\\d+),(\\d+)");
        List<String> seen = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.add(line);
            Matcher matcher = ready.matcher(line);
            if (matcher.find()) {
                String pool = RpcPoolConfigTest.pool(
                        RpcPoolConfigTest.endpoint("http://127.0.0.1:" + matcher.group(1), 1, 5000, 10) + ","
                                + RpcPoolConfigTest.endpoint("http://127.0.0.1:" + matcher.group(2), 2, 5000, 10),
                        RpcPoolConfigTest.REST);
                RpcPoolSettings settings = new RpcPoolSettings(RpcPoolConfig.parse(pool), Duration.ofSeconds(5), 1);
                solana = new SolanaRpc(new RpcEndpointPool(settings, lanes, new JsonRpcTransport(), RpcObserver.NONE));
                Thread drain = new Thread(() -> {
                    try {
                        out.lines().forEach(ignored -> { }); // keep the pipe from filling up
                    } catch (java.io.UncheckedIOException closedAtTheEnd) {
                        // the process was stopped
                    }
                }, "localnet-output");
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        fail("the Solana localnet exited before it was ready: " + seen);
    }

    @AfterAll
    static void stopLocalnet() {
        if (localnet != null) {
            localnet.destroy();
        }
    }

    private static Account funded(long lamports) {
        Account account = new Account();
        solana.requestAirdrop(account.getPublicKeyBase58(), lamports);
        return account;
    }

    private static byte[] transfer(Account from, PublicKey to, long lamports, String blockhash) {
        Transaction transaction = new Transaction(); // a fresh one per attempt: signing twice appends a signature
        transaction.addInstruction(SystemProgram.transfer(from.getPublicKey(), to, lamports));
        transaction.setRecentBlockHash(blockhash);
        transaction.sign(from);
        return transaction.serialize();
    }

    @Test
    void anAirdropShowsUpAsAnExactLamportBalance() {
        Account wallet = funded(2 * SOL + 1);

        AccountBalance balance = solana.getBalance(wallet.getPublicKeyBase58(), Commitment.CONFIRMED);

        assertThat(balance.lamports()).isEqualTo(2 * SOL + 1);
        assertThat(balance.slot()).isPositive();
        assertThat(solana.getSlot(Commitment.FINALIZED)).isPositive();
    }

    @Test
    void aTransferSignedWithSolanajLandsAndItsOutcomeIsRead() {
        Account from = funded(2 * SOL);
        Account to = new Account();
        LatestBlockhash blockhash = solana.getLatestBlockhash(Commitment.CONFIRMED);

        String signature = solana.sendTransaction("transfer", transfer(from, to.getPublicKey(), SOL, blockhash.blockhash()));

        List<Optional<SignatureStatus>> statuses = solana.getSignatureStatuses(
                List.of(signature, Base58.encode(new byte[64])), false);
        assertThat(statuses.get(0)).hasValueSatisfying(status -> {
            assertThat(status.succeeded()).isTrue();
            assertThat(status.confirmationStatus()).isIn("confirmed", "finalized");
        });
        assertThat(statuses.get(1)).as("an unknown signature").isEmpty();
        ConfirmedTransaction landed = solana.getTransaction(signature, Commitment.CONFIRMED).orElseThrow();
        assertThat(landed.succeeded()).isTrue();
        assertThat(landed.fee()).isEqualTo(5000);
        assertThat(solana.getBalance(to.getPublicKeyBase58(), Commitment.CONFIRMED).lamports()).isEqualTo(SOL);
        assertThat(solana.getBalance(from.getPublicKeyBase58(), Commitment.CONFIRMED).lamports()).isEqualTo(SOL - 5000);
        assertThat(blockhash.lastValidBlockHeight()).isPositive();
    }

    @Test
    void preflightRefusesAnUnfundedSenderWithTheNodesCodeAndIsNotFailedOver() {
        Account broke = new Account();
        String blockhash = solana.getLatestBlockhash(Commitment.CONFIRMED).blockhash();
        int sentBefore = lanes.stream().mapToInt(lane -> lane.sent.get()).sum();

        assertThatThrownBy(() -> solana.sendTransaction("transfer",
                transfer(broke, new Account().getPublicKey(), SOL, blockhash)))
                .isInstanceOfSatisfying(JsonRpcErrorException.class, e -> {
                    assertThat(e.code()).isEqualTo(JsonRpcErrorException.SEND_TRANSACTION_PREFLIGHT_FAILURE);
                    assertThat(e.rpcMessage()).startsWith("Transaction simulation failed");
                    assertThat(e.data().getValueType()).isEqualTo(jakarta.json.JsonValue.ValueType.OBJECT);
                });
        assertThat(lanes.stream().mapToInt(lane -> lane.sent.get()).sum()).isEqualTo(sentBefore + 1);
    }

    @Test
    void anUnknownBlockhashIsRefusedAsBlockhashNotFound() {
        Account from = funded(SOL);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);

        assertThatThrownBy(() -> solana.sendTransaction("transfer",
                transfer(from, new Account().getPublicKey(), 1000, Base58.encode(random))))
                .isInstanceOfSatisfying(JsonRpcErrorException.class,
                        e -> assertThat(e.rpcMessage()).contains("Blockhash not found"));
    }

    @Test
    void signingOneSolanajTransactionTwiceMakesItInvalid() {
        Account from = funded(SOL);
        Transaction transaction = new Transaction();
        transaction.addInstruction(SystemProgram.transfer(from.getPublicKey(), new Account().getPublicKey(), SOL / 2));
        transaction.setRecentBlockHash(solana.getLatestBlockhash(Commitment.CONFIRMED).blockhash());
        transaction.sign(from);
        int once = transaction.serialize().length;
        transaction.sign(from); // what a naive retry loop does

        byte[] twice = transaction.serialize();

        assertThat(twice.length).as("solanaj appended a second signature").isEqualTo(once + 64);
        assertThatThrownBy(() -> solana.sendTransaction("transfer", twice)).isInstanceOf(JsonRpcErrorException.class);
    }

    @Test
    void aTransferWithAMemoBuiltByteByByteAndSignedWithBouncyCastleLandsAsWritten() {
        Account vault = funded(2 * SOL);
        String destination = new Account().getPublicKeyBase58();
        String memo = "solduel:payout:42";
        var key = new org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters(vault.getSecretKey(), 0);
        var message = com.solduel.solana.TransferMessage.of(vault.getPublicKeyBase58(), destination, SOL / 4, memo,
                solana.getLatestBlockhash(Commitment.CONFIRMED).blockhash());
        var signed = message.sign(bytes -> {
            var signer = new org.bouncycastle.crypto.signers.Ed25519Signer();
            signer.init(true, key);
            signer.update(bytes, 0, bytes.length);
            return signer.generateSignature();
        });

        String signature = solana.sendTransaction("payout", signed.wire());

        assertThat(signature).isEqualTo(signed.signature());
        LandedTransaction landed = solana.getLandedTransaction(signature, Commitment.CONFIRMED).orElseThrow();
        assertThat(landed.feePayer()).isEqualTo(vault.getPublicKeyBase58());
        assertThat(com.solduel.wager.DepositCheck.verify(landed, new com.solduel.wager.DepositCheck.Expected(
                vault.getPublicKeyBase58(), destination, SOL / 4, memo))).isEqualTo(SOL / 4);
        assertThat(solana.getBalance(destination, Commitment.CONFIRMED).lamports()).isEqualTo(SOL / 4);
        assertThat(solana.getBalance(vault.getPublicKeyBase58(), Commitment.CONFIRMED).lamports())
                .as("the transfer and one signature's fee").isEqualTo(2 * SOL - SOL / 4 - 5_000);
    }

    @Test
    void aTransferWhoseFeeAnotherAccountPaysMovesExactlyItsLamportsFromTheSource() {
        Account vault = funded(2 * SOL);
        Account feePayer = funded(SOL);
        String destination = new Account().getPublicKeyBase58();
        var message = com.solduel.solana.TransferMessage.of(feePayer.getPublicKeyBase58(), vault.getPublicKeyBase58(),
                destination, SOL / 4, "solduel:payout:43", solana.getLatestBlockhash(Commitment.CONFIRMED).blockhash());
        var signed = message.sign(signer(feePayer), signer(vault));

        String signature = solana.sendTransaction("payout", signed.wire());

        assertThat(signature).isEqualTo(signed.signature());
        LandedTransaction landed = solana.getLandedTransaction(signature, Commitment.CONFIRMED).orElseThrow();
        assertThat(landed.feePayer()).isEqualTo(feePayer.getPublicKeyBase58());
        assertThat(landed.fee()).as("two signatures").isEqualTo(10_000);
        assertThat(solana.getBalance(destination, Commitment.CONFIRMED).lamports()).isEqualTo(SOL / 4);
        assertThat(solana.getBalance(vault.getPublicKeyBase58(), Commitment.CONFIRMED).lamports())
                .as("the source gives exactly the transfer").isEqualTo(2 * SOL - SOL / 4);
        assertThat(solana.getBalance(feePayer.getPublicKeyBase58(), Commitment.CONFIRMED).lamports())
                .as("the fee payer pays the fee").isEqualTo(SOL - 10_000);
        assertThatThrownBy(() -> message.sign(signer(vault))).as("both must sign").isInstanceOf(IllegalArgumentException.class);
    }

    private static java.util.function.UnaryOperator<byte[]> signer(Account account) {
        var key = new org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters(account.getSecretKey(), 0);
        return bytes -> {
            var signer = new org.bouncycastle.crypto.signers.Ed25519Signer();
            signer.init(true, key);
            signer.update(bytes, 0, bytes.length);
            return signer.generateSignature();
        };
    }

    @Test
    void aDepositWithAMemoSignedWithSolanajIsReadWithItsMessageAndPassesTheDepositCheck() {
        Account player = funded(2 * SOL);
        Account vault = funded(SOL);
        String memo = com.solduel.wager.DepositMemo.of(7, player.getPublicKeyBase58());
        Transaction transaction = new Transaction();
        transaction.addInstruction(SystemProgram.transfer(player.getPublicKey(), vault.getPublicKey(), SOL / 10));
        transaction.addInstruction(org.p2p.solanaj.programs.MemoProgram.writeUtf8(player.getPublicKey(), memo));
        transaction.setRecentBlockHash(solana.getLatestBlockhash(Commitment.CONFIRMED).blockhash());
        transaction.sign(player);
        String signature = solana.sendTransaction("deposit", transaction.serialize());

        LandedTransaction landed = solana.getLandedTransaction(signature, Commitment.CONFIRMED).orElseThrow();

        assertThat(landed.signature()).isEqualTo(signature);
        assertThat(landed.feePayer()).isEqualTo(player.getPublicKeyBase58());
        assertThat(landed.instructions()).hasSize(2);
        assertThat(com.solduel.wager.DepositCheck.verify(landed, new com.solduel.wager.DepositCheck.Expected(
                player.getPublicKeyBase58(), vault.getPublicKeyBase58(), SOL / 10, memo))).isEqualTo(SOL / 10);
        assertThat(solana.getLandedTransaction(Base58.encode(new byte[64]), Commitment.FINALIZED)).isEmpty();
    }

    @Test
    void getTransactionNeedsAtLeastConfirmedCommitment() {
        assertThatThrownBy(() -> solana.getTransaction(Base58.encode(new byte[64]), Commitment.PROCESSED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(solana.getTransaction(Base58.encode(new byte[64]), Commitment.CONFIRMED)).isEmpty();
    }
}
