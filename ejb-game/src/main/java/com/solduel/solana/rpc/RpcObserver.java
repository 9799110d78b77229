package com.solduel.solana.rpc;

import java.time.Duration;

/** What the router reports about each request to an endpoint; {@link RpcMetrics} turns it into metrics. */
interface RpcObserver {

    /** A request is about to be sent to {@code endpoint}. */
    void requested(RpcEndpoint endpoint);

    /** {@code endpoint} gave a JSON-RPC result after {@code latency}. */
    void answered(RpcEndpoint endpoint, Duration latency);

    /** The request to {@code endpoint} failed; {@code kind} is a transport kind tag or {@code rpc_error}. */
    void failed(RpcEndpoint endpoint, String kind, Duration latency);

    RpcObserver NONE = new RpcObserver() {
        @Override
        public void requested(RpcEndpoint endpoint) {
        }

        @Override
        public void answered(RpcEndpoint endpoint, Duration latency) {
        }

        @Override
        public void failed(RpcEndpoint endpoint, String kind, Duration latency) {
        }
    };
}
