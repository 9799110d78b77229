package com.solduel.solana.rpc;

import com.solduel.shared.SolDuelException;

/**
 * A read the caller cannot act on was refused by the Solana node with a JSON-RPC error (the node
 * answered, so the pool neither failed over nor counted it against the endpoint). Only the code is
 * shown to the caller; the node's own message stays out of API answers.
 */
public class SolanaRefusedException extends SolDuelException {

    public SolanaRefusedException(String what, JsonRpcErrorException refused) {
        super("the Solana node refused to " + what + " (JSON-RPC error " + refused.code() + "); retry later", refused);
    }

    @Override
    public String code() {
        return "solana-refused";
    }

    @Override
    public Kind kind() {
        return Kind.UNAVAILABLE;
    }
}
