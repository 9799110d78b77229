/**
 * The Solana JSON-RPC endpoint pool (spec §11): the seed's {@code rpc-pool.json} read through
 * MicroProfile Config ({@link com.solduel.solana.rpc.RpcPoolConfig}), one MicroProfile Fault
 * Tolerance lane per endpoint ({@link com.solduel.solana.rpc.RpcLane}: timeout, circuit breaker,
 * bulkhead, tuned per endpoint by {@link com.solduel.solana.rpc.RpcLaneConfigSource}), failover and
 * retries across endpoints ({@link com.solduel.solana.rpc.RpcEndpointPool}), background health
 * checks, metrics, and typed Solana calls ({@link com.solduel.solana.rpc.SolanaRpc}).
 *
 * <p>The wire is the JDK HttpClient with JSON-P; solanaj is used for keys and transactions only.
 */
package com.solduel.solana.rpc;
