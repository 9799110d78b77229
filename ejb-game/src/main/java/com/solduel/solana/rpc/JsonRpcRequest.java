package com.solduel.solana.rpc;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.util.concurrent.atomic.AtomicLong;

/** One JSON-RPC 2.0 request, serialized once and sent as-is to whichever endpoint is tried. */
public record JsonRpcRequest(long id, String method, String body) {

    private static final AtomicLong IDS = new AtomicLong();

    /** A request with a fresh id. */
    public static JsonRpcRequest of(String method, JsonArray params) {
        long id = IDS.incrementAndGet();
        String body = Json.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("id", id)
                .add("method", method)
                .add("params", params == null ? Json.createArrayBuilder().build() : params)
                .build()
                .toString();
        return new JsonRpcRequest(id, method, body);
    }
}
