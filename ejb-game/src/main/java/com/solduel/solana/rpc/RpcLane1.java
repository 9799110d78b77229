package com.solduel.solana.rpc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;

/** The Fault Tolerance lane of rpc-pool.json's endpoint number 1. */
@ApplicationScoped
public class RpcLane1 extends RpcLane {

    @Override
    public JsonObject send(URI endpoint, JsonRpcRequest request, Duration backstop) {
        return super.send(endpoint, request, backstop); // declared here so its FT metrics say RpcLane1.send
    }
}
