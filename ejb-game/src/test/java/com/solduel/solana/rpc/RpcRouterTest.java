package com.solduel.solana.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

class RpcRouterTest {

    /** A lane outside the container: no Fault Tolerance, just a scripted answer. */
    static final class ScriptedLane extends RpcLane {
        final List<String> sent = new ArrayList<>();
        Supplier<JsonObject> answer = () -> answer(42);

        @Override
        public JsonObject send(URI endpoint, JsonRpcRequest request, Duration backstop) {
            sent.add(request.method());
            return answer.get();
        }
    }

    static JsonObject answer(long result) {
        return Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", 1).add("result", result).build();
    }

    private final List<ScriptedLane> lanes = List.of(new ScriptedLane(), new ScriptedLane(), new ScriptedLane());
    private final List<String> observed = new ArrayList<>();
    private final RpcObserver observer = new RpcObserver() {
        @Override
        public void requested(RpcEndpoint endpoint) {
            observed.add("request " + endpoint.index());
        }

        @Override
        public void answered(RpcEndpoint endpoint, Duration latency) {
            observed.add("answer " + endpoint.index());
        }

        @Override
        public void failed(RpcEndpoint endpoint, String kind, Duration latency) {
            observed.add(kind + " " + endpoint.index());
        }
    };

    private RpcRouter router(RpcPoolConfig.FallbackStrategy strategy) {
        List<RpcEndpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < lanes.size(); i++) {
            endpoints.add(new RpcEndpoint(i, new RpcPoolConfig.Endpoint(URI.create("http://127.0.0.1:" + (18899 + i)),
                    i + 1, Duration.ofMillis(500), 10), lanes.get(i),
                    new ObservedBreaker(3, Duration.ofMinutes(1), 1, System::nanoTime)));
        }
        return new RpcRouter(endpoints, strategy, observer);
    }

    /** What {@code @Retry(maxRetries)} does around {@link RpcFailover#attempt} in the container. */
    private static JsonObject withRetries(RpcRouter router, RpcCall call, int maxRetries) {
        for (int attempt = 0; ; attempt++) {
            try {
                return router.attempt(call);
            } catch (RpcTransportException e) {
                if (attempt == maxRetries) {
                    throw e;
                }
            }
        }
    }

    private static RpcCall call(RpcRouter router) {
        return router.newCall(JsonRpcRequest.of("getSlot", Json.createArrayBuilder().build()));
    }

    private static RpcTransportException http500() {
        return new RpcTransportException(RpcTransportException.Kind.HTTP_5XX, URI.create("http://x"), "answered HTTP 500");
    }

    @Test
    void aTransportFailureFailsOverToTheNextEndpoint() {
        RpcRouter router = router(RpcPoolConfig.FallbackStrategy.PRIORITY);
        lanes.get(0).answer = () -> {
            throw http500();
        };

        JsonObject answer = withRetries(router, call(router), 3);

        assertThat(answer.getInt("result")).isEqualTo(42);
        assertThat(lanes.get(0).sent).hasSize(1);
        assertThat(lanes.get(1).sent).hasSize(1);
        assertThat(lanes.get(2).sent).isEmpty();
        assertThat(observed).containsExactly("request 0", "http_5xx 0", "request 1", "answer 1");
    }

    @Test
    void aJsonRpcErrorIsNeitherFailedOverNorHeldAgainstTheEndpoint() {
        RpcRouter router = router(RpcPoolConfig.FallbackStrategy.PRIORITY);
        lanes.get(0).answer = () -> {
            throw new JsonRpcErrorException("sendTransaction", -32002,
                    "Transaction simulation failed: Blockhash not found", JsonValue.NULL);
        };

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> withRetries(router, call(router), 3))
                    .isInstanceOfSatisfying(JsonRpcErrorException.class, e -> {
                        assertThat(e.code()).isEqualTo(-32002);
                        assertThat(e.rpcMessage()).contains("Blockhash not found");
                    });
        }

        assertThat(lanes.get(1).sent).isEmpty();
        assertThat(router.endpoints().get(0).breaker().state()).isEqualTo(ObservedBreaker.State.CLOSED);
        assertThat(observed).contains("rpc_error 0");
    }

    @Test
    void anEndpointWhoseBreakerOpenedIsSkippedUntilItMayBeTriedAgain() {
        RpcRouter router = router(RpcPoolConfig.FallbackStrategy.PRIORITY);
        lanes.get(0).answer = () -> {
            throw http500();
        };
        for (int i = 0; i < 3; i++) {
            withRetries(router, call(router), 3);
        }
        assertThat(router.endpoints().get(0).breaker().state()).isEqualTo(ObservedBreaker.State.OPEN);

        withRetries(router, call(router), 3);

        assertThat(lanes.get(0).sent).as("not tried while open").hasSize(3);
        assertThat(router.status().get(0).breaker()).isEqualTo("open");
        assertThat(router.status().get(0).usable()).isFalse();
    }

    @Test
    void aRefusalByTheBreakerCountsAsOpenAndFailsOver() {
        RpcRouter router = router(RpcPoolConfig.FallbackStrategy.PRIORITY);
        lanes.get(0).answer = () -> {
            throw new CircuitBreakerOpenException("open");
        };

        assertThat(withRetries(router, call(router), 3).getInt("result")).isEqualTo(42);

        assertThat(router.endpoints().get(0).breaker().state()).isEqualTo(ObservedBreaker.State.OPEN);
        assertThat(observed).contains("breaker_open 0");
    }

    @Test
    void unhealthyEndpointsAreNotTried() {
        RpcRouter router = router(RpcPoolConfig.FallbackStrategy.ROUND_ROBIN);
        router.endpoints().get(1).health(EndpointHealth.down(Duration.ofMillis(3), "getSlot answered HTTP 500", Instant.now()));

        for (int i = 0; i < 6; i++) {
            withRetries(router, call(router), 0);
        }

        assertThat(lanes.get(1).sent).isEmpty();
        assertThat(lanes.get(0).sent.size() + lanes.get(2).sent.size()).isEqualTo(6);
    }

    @Test
    void roundRobinSpreadsSuccessiveCallsOverAllEndpoints() {
        RpcRouter router = router(RpcPoolConfig.FallbackStrategy.ROUND_ROBIN);

        for (int i = 0; i < 6; i++) {
            withRetries(router, call(router), 0);
        }

        assertThat(lanes).allSatisfy(lane -> assertThat(lane.sent).hasSize(2));
    }

    @Test
    void noUsableEndpointIsSolanaUnavailableWithoutNamingTheEndpoints() {
        RpcRouter router = router(RpcPoolConfig.FallbackStrategy.ROUND_ROBIN);
        router.endpoints().forEach(endpoint -> endpoint.health(
                EndpointHealth.down(Duration.ofMillis(2000), "getSlot got no answer within 2000 ms", Instant.now())));

        assertThatThrownBy(() -> withRetries(router, call(router), 3))
                .isInstanceOf(SolanaUnavailableException.class)
                .hasMessageContaining("none of the 3 endpoints is usable (3 failed their last health check, 0 circuit breakers open)")
                .hasMessageNotContaining("127.0.0.1");
        assertThat(lanes).allSatisfy(lane -> assertThat(lane.sent).isEmpty());
    }

    @Test
    void whenEveryEndpointFailsTheRetriesGoRoundAgainAndThenStop() {
        RpcRouter router = router(RpcPoolConfig.FallbackStrategy.PRIORITY);
        lanes.forEach(lane -> lane.answer = () -> {
            throw http500();
        });
        RpcCall call = call(router);

        assertThatThrownBy(() -> withRetries(router, call, 3)).isInstanceOf(RpcTransportException.class);

        assertThat(lanes.get(0).sent).hasSize(2);
        assertThat(lanes.get(1).sent).hasSize(1);
        assertThat(lanes.get(2).sent).hasSize(1);
        assertThat(call.failureSummary()).isEqualTo("4 attempts (http_5xx x4)");
        assertThat(call.failureDetails()).contains("http://127.0.0.1:18899: answered HTTP 500");
        assertThat(router.endpoints()).allSatisfy(endpoint -> assertThat(endpoint.active().get()).isZero());
    }

    @Test
    void theInterruptThatEndedATimedOutRequestDoesNotReachTheFailoverRequest() {
        RpcRouter router = router(RpcPoolConfig.FallbackStrategy.PRIORITY);
        lanes.get(0).answer = () -> {
            Thread.currentThread().interrupt(); // what Fault Tolerance does to end the request
            throw new TimeoutException("timed out");
        };
        List<Boolean> interruptedDuringFailover = new ArrayList<>();
        lanes.get(1).answer = () -> {
            interruptedDuringFailover.add(Thread.currentThread().isInterrupted());
            return answer(7);
        };

        assertThat(withRetries(router, call(router), 3).getInt("result")).isEqualTo(7);

        assertThat(interruptedDuringFailover).containsExactly(false);
        assertThat(observed).contains("timeout 0");
    }

    @Test
    void thePoolTurnsExhaustedAttemptsIntoSolanaUnavailable() {
        RpcPoolSettings settings = new RpcPoolSettings(RpcPoolConfig.parse(RpcPoolConfigTest.pool(
                RpcPoolConfigTest.endpoint("http://127.0.0.1:18899", 1, 500, 5), RpcPoolConfigTest.REST)),
                Duration.ofSeconds(5), 1);
        lanes.get(0).answer = () -> {
            throw http500();
        };
        RpcEndpointPool pool = new RpcEndpointPool(settings, List.of(lanes.get(0)), new JsonRpcTransport(), observer);

        assertThatThrownBy(() -> pool.call("getSlot", Json.createArrayBuilder().build()))
                .isInstanceOf(SolanaUnavailableException.class)
                .hasMessage("Solana RPC is unavailable: getSlot failed on 1 attempt (http_5xx x1); try again shortly");
    }
}
