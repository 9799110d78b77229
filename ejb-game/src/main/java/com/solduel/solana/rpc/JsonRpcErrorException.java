package com.solduel.solana.rpc;

import jakarta.json.JsonValue;

/**
 * The node answered, and the answer is a JSON-RPC error: the request itself was refused
 * ("Blockhash not found", insufficient funds, invalid params, a failed preflight simulation).
 * The endpoint works, so this never trips a circuit breaker and is never retried elsewhere; the
 * caller decides. Unlike solanaj's {@code RpcException} it keeps the code and the error data.
 */
public class JsonRpcErrorException extends RuntimeException {

    /** Solana's "Transaction simulation failed" preflight error; {@link #data()} holds the logs. */
    public static final int SEND_TRANSACTION_PREFLIGHT_FAILURE = -32002;
    /** Solana's "Node is unhealthy" / behind: a server-side code, but still a JSON-RPC answer. */
    public static final int NODE_UNHEALTHY = -32005;

    private final int code;
    private final String rpcMessage;
    private final transient JsonValue data;

    public JsonRpcErrorException(String method, int code, String rpcMessage, JsonValue data) {
        super(method + " refused by the node: " + rpcMessage + " (JSON-RPC error " + code + ")");
        this.code = code;
        this.rpcMessage = rpcMessage;
        this.data = data == null ? JsonValue.NULL : data;
    }

    /** The JSON-RPC error code, e.g. -32002. */
    public int code() {
        return code;
    }

    /** The node's message, e.g. "Transaction simulation failed: Blockhash not found". */
    public String rpcMessage() {
        return rpcMessage;
    }

    /** The error's {@code data} member ({@code JsonValue.NULL} when absent), e.g. simulation logs and err. */
    public JsonValue data() {
        return data;
    }
}
