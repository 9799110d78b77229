package com.solduel.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Base64;
import java.util.List;
import org.p2p.solanaj.core.Account;
import org.p2p.solanaj.core.PublicKey;
import org.p2p.solanaj.core.Transaction;
import org.p2p.solanaj.core.TransactionInstruction;
import org.p2p.solanaj.programs.MemoProgram;
import org.p2p.solanaj.programs.SystemProgram;

/**
 * Real transactions on the test localnet, built and signed with solanaj by the test's own wallets
 * (as a player's wallet would), sent straight to the localnet, not through the server.
 */
final class LocalnetTransactions {

    private LocalnetTransactions() {
    }

    /** A System Program transfer and, when {@code memo} is not null, a Memo instruction; returns the signature. */
    static String transfer(Account from, String to, long lamports, String memo) {
        return send(from, instructions(from, to, lamports, memo), false);
    }

    static List<TransactionInstruction> instructions(Account from, String to, long lamports, String memo) {
        TransactionInstruction transfer = SystemProgram.transfer(from.getPublicKey(), new PublicKey(to), lamports);
        return memo == null ? List.of(transfer) : List.of(transfer, MemoProgram.writeUtf8(from.getPublicKey(), memo));
    }

    /** Signs {@code instructions} with {@code payer} (fee payer and signer) and sends them; returns the signature. */
    static String send(Account payer, List<TransactionInstruction> instructions, boolean skipPreflight) {
        JsonObject latest = SolanaLocalnet.rpc(SolanaLocalnet.PORTS.get(0), "getLatestBlockhash", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("commitment", "finalized")).build()).asJsonObject();
        Transaction transaction = new Transaction(); // a fresh one per send: signing one twice appends a signature
        instructions.forEach(transaction::addInstruction);
        transaction.setRecentBlockHash(latest.getJsonObject("value").getString("blockhash"));
        transaction.sign(payer);
        return ((JsonString) SolanaLocalnet.rpc(SolanaLocalnet.PORTS.get(0), "sendTransaction", Json.createArrayBuilder()
                .add(Base64.getEncoder().encodeToString(transaction.serialize()))
                .add(Json.createObjectBuilder().add("encoding", "base64").add("skipPreflight", skipPreflight)
                        .add("preflightCommitment", "finalized"))
                .build())).getString();
    }

    /** An address's lamports at finalized commitment (the test localnet finalizes at once). */
    static long balance(String address) {
        return SolanaLocalnet.rpc(SolanaLocalnet.PORTS.get(0), "getBalance", Json.createArrayBuilder().add(address)
                .add(Json.createObjectBuilder().add("commitment", "finalized")).build())
                .asJsonObject().getJsonNumber("value").longValueExact();
    }

    /** Whether {@code signature} landed with an error (meta.err set). */
    static boolean landedWithError(String signature) {
        var result = SolanaLocalnet.rpc(SolanaLocalnet.PORTS.get(0), "getTransaction", Json.createArrayBuilder().add(signature)
                .add(Json.createObjectBuilder().add("commitment", "finalized").add("encoding", "json")).build());
        return result.getValueType() == jakarta.json.JsonValue.ValueType.OBJECT
                && result.asJsonObject().getJsonObject("meta").get("err").getValueType() != jakarta.json.JsonValue.ValueType.NULL;
    }
}
