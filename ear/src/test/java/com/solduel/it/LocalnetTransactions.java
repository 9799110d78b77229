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

    /** A System Program transfer found on the chain, with the memo of its transaction (null when none). */
    record ChainTransfer(String signature, String from, String to, long lamports, String memo) {
    }

    /**
     * Every successful System Program transfer from {@code from} to {@code to} on the chain, read from the
     * chain itself: the signatures touching {@code to}, then each transaction (jsonParsed).
     */
    static List<ChainTransfer> transfers(String from, String to) {
        int port = SolanaLocalnet.PORTS.get(0);
        List<ChainTransfer> found = new java.util.ArrayList<>();
        var signatures = SolanaLocalnet.rpc(port, "getSignaturesForAddress", Json.createArrayBuilder().add(to)
                .add(Json.createObjectBuilder().add("commitment", "confirmed").add("limit", 1000)).build()).asJsonArray();
        for (var entry : signatures) {
            String signature = entry.asJsonObject().getString("signature");
            var tx = SolanaLocalnet.rpc(port, "getTransaction", Json.createArrayBuilder().add(signature)
                    .add(Json.createObjectBuilder().add("commitment", "confirmed").add("encoding", "jsonParsed")).build());
            if (tx.getValueType() != jakarta.json.JsonValue.ValueType.OBJECT
                    || tx.asJsonObject().getJsonObject("meta").get("err").getValueType() != jakarta.json.JsonValue.ValueType.NULL) {
                continue;
            }
            String memo = null;
            List<long[]> amounts = new java.util.ArrayList<>();
            for (var ix : tx.asJsonObject().getJsonObject("transaction").getJsonObject("message").getJsonArray("instructions")) {
                JsonObject instruction = ix.asJsonObject();
                String program = instruction.getString("program", "");
                if (program.equals("spl-memo")) {
                    memo = instruction.getString("parsed");
                } else if (program.equals("system") && instruction.getJsonObject("parsed").getString("type").equals("transfer")) {
                    JsonObject info = instruction.getJsonObject("parsed").getJsonObject("info");
                    if (info.getString("source").equals(from) && info.getString("destination").equals(to)) {
                        amounts.add(new long[] {info.getJsonNumber("lamports").longValueExact()});
                    }
                }
            }
            for (long[] amount : amounts) {
                found.add(new ChainTransfer(signature, from, to, amount[0], memo));
            }
        }
        return found;
    }

    /** The transfers on the chain that pay payout {@code payoutId} (memo {@code solduel:payout:<id>}) from the vault to {@code to}. */
    static List<ChainTransfer> payoutTransfers(String vault, String to, long payoutId) {
        return transfers(vault, to).stream().filter(t -> ("solduel:payout:" + payoutId).equals(t.memo())).toList();
    }
}
