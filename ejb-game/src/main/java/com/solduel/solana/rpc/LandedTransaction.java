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
 */
public record LandedTransaction(String signature, long slot, long fee, boolean succeeded, List<String> accountKeys,
                                int signerCount, List<Instruction> instructions) {

    public LandedTransaction {
        accountKeys = List.copyOf(accountKeys);
        instructions = List.copyOf(instructions);
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
