package com.solduel.solana.rpc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The Solana JSON-RPC methods SOL Duel uses, typed, over {@link RpcEndpointPool}. Lamports are
 * exact {@code long}s; commitments are sent lower-case; transactions are sent with preflight on.
 * Failures: {@link JsonRpcErrorException} when the node refuses a request,
 * {@link SolanaUnavailableException} when no endpoint answers.
 */
@ApplicationScoped
public class SolanaRpc {

    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    RpcEndpointPool pool;

    @Inject
    RpcMetrics metrics;

    /** For CDI. */
    protected SolanaRpc() {
    }

    /** Without a container (tests): no metrics. */
    SolanaRpc(RpcEndpointPool pool) {
        this.pool = pool;
    }

    /** The hash of the chain's genesis block (base58): which cluster the pool talks to. */
    public String getGenesisHash() {
        return pool.call("getGenesisHash", params().build()).getString("result");
    }

    /** The slot the node has reached at {@code commitment}. */
    public long getSlot(Commitment commitment) {
        return pool.call("getSlot", params().add(config(commitment)).build())
                .getJsonNumber("result").longValueExact();
    }

    /** The block height the node has reached at {@code commitment} (what a blockhash's last valid block height is compared with). */
    public long getBlockHeight(Commitment commitment) {
        return pool.call("getBlockHeight", params().add(config(commitment)).build())
                .getJsonNumber("result").longValueExact();
    }

    /**
     * The fee the cluster charges for {@code message} (the bytes a signer signs), or empty when its
     * blockhash is no longer valid.
     */
    public Optional<Long> getFeeForMessage(byte[] message, Commitment commitment) {
        JsonObject result = result(pool.call("getFeeForMessage", params()
                .add(Base64.getEncoder().encodeToString(message)).add(config(commitment)).build()));
        return result.get("value") instanceof JsonNumber fee ? Optional.of(fee.longValueExact()) : Optional.empty();
    }

    /** The balance of {@code address} (base58) in lamports, with the slot it was read at. */
    public AccountBalance getBalance(String address, Commitment commitment) {
        JsonObject result = result(pool.call("getBalance", params().add(address).add(config(commitment)).build()));
        return new AccountBalance(result.getJsonNumber("value").longValueExact(), contextSlot(result));
    }

    /** A blockhash to sign a new transaction with. */
    public LatestBlockhash getLatestBlockhash(Commitment commitment) {
        JsonObject result = result(pool.call("getLatestBlockhash", params().add(config(commitment)).build()));
        JsonObject value = result.getJsonObject("value");
        return new LatestBlockhash(value.getString("blockhash"),
                value.getJsonNumber("lastValidBlockHeight").longValueExact(), contextSlot(result));
    }

    /**
     * Sends a signed transaction (wire bytes) with preflight simulation on, and returns its
     * signature. {@code type} labels {@code sol_duel_blockchain_transactions_total} (e.g.
     * {@code transfer}, {@code payout}). A failover may send the same bytes to a second node; that
     * is safe, the cluster executes one signature once. Build and sign a fresh transaction for
     * every new attempt with a new blockhash: signing a solanaj {@code Transaction} twice appends
     * a second signature.
     */
    public String sendTransaction(String type, byte[] signedTransaction) {
        JsonArray params = params()
                .add(Base64.getEncoder().encodeToString(signedTransaction))
                .add(JSON.createObjectBuilder()
                        .add("encoding", "base64")
                        .add("skipPreflight", false)
                        .add("preflightCommitment", Commitment.CONFIRMED.wire()))
                .build();
        try {
            String signature = pool.call("sendTransaction", params).getString("result");
            count(type, RpcMetrics.SUBMITTED);
            return signature;
        } catch (JsonRpcErrorException e) {
            count(type, RpcMetrics.REJECTED);
            throw e;
        } catch (SolanaUnavailableException e) {
            count(type, RpcMetrics.UNAVAILABLE);
            throw e;
        }
    }

    /**
     * The status of each signature, in order; empty for one the node does not know (yet).
     * {@code searchTransactionHistory} looks beyond the recent status cache.
     */
    public List<Optional<SignatureStatus>> getSignatureStatuses(List<String> signatures,
                                                                boolean searchTransactionHistory) {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        signatures.forEach(list::add);
        JsonObject result = result(pool.call("getSignatureStatuses", params().add(list)
                .add(JSON.createObjectBuilder().add("searchTransactionHistory", searchTransactionHistory))
                .build()));
        List<Optional<SignatureStatus>> statuses = new ArrayList<>();
        for (JsonValue value : result.getJsonArray("value")) {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                statuses.add(Optional.empty());
                continue;
            }
            JsonObject status = value.asJsonObject();
            statuses.add(Optional.of(new SignatureStatus(
                    status.getJsonNumber("slot").longValueExact(),
                    status.get("confirmations") instanceof JsonNumber n ? n.longValueExact() : null,
                    status.get("confirmationStatus") instanceof JsonString s ? s.getString() : null,
                    status.getOrDefault("err", JsonValue.NULL))));
        }
        return statuses;
    }

    /** The landed transaction, or empty while it is not (yet) at {@code commitment} (confirmed or finalized). */
    public Optional<ConfirmedTransaction> getTransaction(String signature, Commitment commitment) {
        if (commitment == Commitment.PROCESSED) {
            throw new IllegalArgumentException("getTransaction needs confirmed or finalized commitment, not processed");
        }
        JsonValue result = pool.call("getTransaction", params().add(signature)
                .add(JSON.createObjectBuilder()
                        .add("commitment", commitment.wire())
                        .add("encoding", "json")
                        .add("maxSupportedTransactionVersion", 0))
                .build()).get("result");
        if (result.getValueType() != JsonValue.ValueType.OBJECT) {
            return Optional.empty();
        }
        JsonObject tx = result.asJsonObject();
        JsonObject meta = tx.getJsonObject("meta");
        List<String> logs = new ArrayList<>();
        if (meta.get("logMessages") instanceof JsonArray lines) {
            lines.getValuesAs(JsonString.class).forEach(line -> logs.add(line.getString()));
        }
        return Optional.of(new ConfirmedTransaction(
                tx.getJsonNumber("slot").longValueExact(),
                tx.get("blockTime") instanceof JsonNumber t ? t.longValueExact() : null,
                meta.getJsonNumber("fee").longValueExact(),
                meta.getOrDefault("err", JsonValue.NULL),
                logs));
    }

    /**
     * The landed transaction with its message (signers, account keys, instructions), or empty while
     * it is not (yet) at {@code commitment} (confirmed or finalized). The answer is read strictly:
     * an endpoint that answers something that is not this transaction gives
     * {@link SolanaUnavailableException}, so nothing is decided on a wrong answer.
     */
    public Optional<LandedTransaction> getLandedTransaction(String signature, Commitment commitment) {
        if (commitment == Commitment.PROCESSED) {
            throw new IllegalArgumentException("getTransaction needs confirmed or finalized commitment, not processed");
        }
        JsonObject response = pool.call("getTransaction", params().add(signature)
                .add(JSON.createObjectBuilder()
                        .add("commitment", commitment.wire())
                        .add("encoding", "json")
                        .add("maxSupportedTransactionVersion", 0))
                .build());
        JsonValue result = response.get("result");
        if (result == null || result.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (result.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new SolanaUnavailableException("an RPC endpoint answered getTransaction with a "
                    + result.getValueType() + ", not a transaction");
        }
        try {
            return Optional.of(LandedTransactionJson.read(signature, result.asJsonObject()));
        } catch (LandedTransactionJson.MalformedAnswerException e) {
            throw new SolanaUnavailableException("an RPC endpoint answered getTransaction for " + signature
                    + " with a malformed transaction: " + e.getMessage());
        }
    }

    /**
     * Signatures of transactions that touched {@code address}, newest first: at most {@code limit}
     * (1..1000), older than {@code before} and newer than {@code until} when given. Read strictly;
     * a malformed answer gives {@link SolanaUnavailableException}. (solanaj's own call throws
     * ClassCastException on any non-empty answer.)
     */
    public List<AddressSignature> getSignaturesForAddress(String address, String before, String until, int limit,
                                                          Commitment commitment) {
        if (limit < 1 || limit > 1000 || commitment == Commitment.PROCESSED) {
            throw new IllegalArgumentException("limit 1..1000 and confirmed or finalized commitment");
        }
        var config = JSON.createObjectBuilder().add("commitment", commitment.wire()).add("limit", limit);
        if (before != null) {
            config.add("before", before);
        }
        if (until != null) {
            config.add("until", until);
        }
        JsonValue result = pool.call("getSignaturesForAddress", params().add(address).add(config).build()).get("result");
        if (!(result instanceof JsonArray entries) || entries.size() > limit) {
            throw new SolanaUnavailableException("an RPC endpoint answered getSignaturesForAddress with something "
                    + "that is not a list of at most " + limit + " entries");
        }
        List<AddressSignature> signatures = new ArrayList<>();
        for (JsonValue value : entries) {
            if (!(value instanceof JsonObject entry) || !(entry.get("signature") instanceof JsonString signature)
                    || !(entry.get("slot") instanceof JsonNumber slot) || !slot.isIntegral() || !entry.containsKey("err")) {
                throw new SolanaUnavailableException("an RPC endpoint answered getSignaturesForAddress with a malformed entry");
            }
            JsonValue memo = entry.getOrDefault("memo", JsonValue.NULL);
            signatures.add(new AddressSignature(signature.getString(), slot.longValueExact(),
                    entry.get("blockTime") instanceof JsonNumber time && time.isIntegral() ? time.longValueExact() : null,
                    entry.get("err").getValueType() == JsonValue.ValueType.NULL,
                    memo instanceof JsonString text ? text.getString() : null));
        }
        return signatures;
    }

    /** Asks the cluster's faucet (localnet, devnet) for {@code lamports}; returns the airdrop's signature. */
    public String requestAirdrop(String address, long lamports) {
        return pool.call("requestAirdrop", params().add(address).add(lamports)
                .add(config(Commitment.CONFIRMED)).build()).getString("result");
    }

    private void count(String type, String status) {
        if (metrics != null) {
            metrics.transaction(type, status);
        }
    }

    private static JsonArrayBuilder params() {
        return JSON.createArrayBuilder();
    }

    private static JsonObject config(Commitment commitment) {
        return JSON.createObjectBuilder().add("commitment", commitment.wire()).build();
    }

    private static JsonObject result(JsonObject response) {
        return response.getJsonObject("result");
    }

    private static long contextSlot(JsonObject result) {
        return result.getJsonObject("context").getJsonNumber("slot").longValueExact();
    }
}
