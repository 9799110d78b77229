package com.solduel.solana.rpc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * The retry loop of the pool, as MicroProfile Fault Tolerance {@code @Retry}: an attempt that
 * failed on an endpoint ({@link RpcTransportException}) is retried at once, and the retry goes to
 * the next endpoint because the {@link RpcCall} remembers what it tried. {@code maxRetries} is
 * rpc-pool.json's {@code retryAttempts} (through {@link RpcLaneConfigSource}). A refused request
 * ({@link JsonRpcErrorException}) or no usable endpoint at all is not retried.
 */
@ApplicationScoped
public class RpcFailover {

    /** Runs one attempt of {@code call}; Fault Tolerance runs it again on a transport failure. */
    @Retry(maxRetries = 3, delay = 0, jitter = 0, maxDuration = 60_000,
            retryOn = RpcTransportException.class,
            abortOn = {JsonRpcErrorException.class, SolanaUnavailableException.class})
    public JsonObject attempt(RpcCall call) {
        return call.router().attempt(call);
    }
}
