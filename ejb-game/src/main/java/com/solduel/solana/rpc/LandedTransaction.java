package com.solduel.solana.rpc;

import java.util.List;

/**
 * A landed transaction with its message, as {@link SolanaRpc#getLandedTransaction} read it: every
 * field checked for type and range, so code that decides about money reads facts, not JSON.
 *
 * @param signature      the transaction's id: its first signature, equal to the one asked for
 * @param accountKeys    the message's account keys (base58), then any loaded from lookup tables
 * @param signerCount    how many leading account keys signed ({@code header.numRequiredSignatures});
 *                       the first is the fee payer
 * @param instructions   the top-level instructions in order
 * @param succeeded      whether {@code meta.err} is null
 * @param preBalances    each account key's lamports before the transaction ({@code meta.preBalances}); empty when unknown
 * @param postBalances   each account key's lamports after it ({@code meta.postBalances}); empty when unknown
 */
public record LandedTransaction(String signature, long slot, long fee, boolean succeeded, List<String> accountKeys,
                                int signerCount, List<Instruction> instructions, List<Long> preBalances, List<Long> postBalances) {

    public LandedTransaction {
        accountKeys = List.copyOf(accountKeys);
        instructions = List.copyOf(instructions);
        preBalances = List.copyOf(preBalances);
        postBalances = List.copyOf(postBalances);
    }

    /** Without balances (what the deposit checks need). */
    public LandedTransaction(String signature, long slot, long fee, boolean succeeded, List<String> accountKeys,
                             int signerCount, List<Instruction> instructions) {
        this(signature, slot, fee, succeeded, accountKeys, signerCount, instructions, List.of(), List.of());
    }

    /**
     * How many lamports {@code address} gained (negative: lost) in this transaction, fee included, from
     * the balances before and after; 0 when it is not one of the transaction's accounts.
     *
     * @throws IllegalStateException when the answer carried no balances
     */
    public long balanceChange(String address) {
        if (preBalances.size() != accountKeys.size() || postBalances.size() != accountKeys.size()) {
            throw new IllegalStateException("transaction " + signature + " was read without its balances");
        }
        for (int i = 0; i < accountKeys.size(); i++) {
            if (accountKeys.get(i).equals(address)) {
                return Math.subtractExact(postBalances.get(i), preBalances.get(i));
            }
        }
        return 0;
    }

    /** The fee payer (always the first signer). */
    public String feePayer() {
        return accountKeys.get(0);
    }

    /** Whether {@code address} signed the transaction. */
    public boolean signedBy(String address) {
        return accountKeys.subList(0, signerCount).contains(address);
    }

    /** One instruction: the program it calls, the accounts it names (resolved to addresses), its data. */
    public record Instruction(String programId, List<String> accounts, byte[] data) {

        public Instruction {
            accounts = List.copyOf(accounts);
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }
    }
}
