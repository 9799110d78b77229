package com.solduel.solana.rpc;

import jakarta.json.JsonArray;
import jakarta.json.spi.JsonProvider;
import java.util.concurrent.atomic.AtomicLong;

/** One JSON-RPC 2.0 request, serialized once and sent as-is to whichever endpoint is tried. */
public record JsonRpcRequest(long id, String method, String body) {

    private static final JsonProvider JSON = JsonProvider.provider();

    private static final AtomicLong IDS = new AtomicLong();

    /** A request with a fresh id. */
    public static JsonRpcRequest of(String method, JsonArray params) {
        long id = IDS.incrementAndGet();
        String body = JSON.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("id", id)
                .add("method", method)
                .add("params", params == null ? JSON.createArrayBuilder().build() : params)
                .build()
                .toString();
        return new JsonRpcRequest(id, method, body);
    }
}
