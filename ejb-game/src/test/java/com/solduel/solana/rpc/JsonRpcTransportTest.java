package com.solduel.solana.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The wire against a real HTTP server on loopback that answers what each test scripts. */
class JsonRpcTransportTest {

    private final JsonRpcTransport transport = new JsonRpcTransport();
    private final CountDownLatch released = new CountDownLatch(1);
    private HttpServer server;
    private volatile Function<String, Reply> script;

    record Reply(int status, String body, String retryAfter) {
        static Reply json(String body) {
            return new Reply(200, body, null);
        }
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        released.countDown();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Reply reply = script.apply(request);
        if (reply == null) { // hang
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        if (reply.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", reply.retryAfter());
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private static JsonRpcRequest request() {
        return JsonRpcRequest.of("getBalance", Json.createArrayBuilder().add("11111111111111111111111111111111").build());
    }

    private static String result(JsonRpcRequest request, String result) {
        return "{\"jsonrpc\":\"2.0\",\"result\":" + result + ",\"id\":" + request.id() + "}";
    }

    @Test
    void aResultIsReturnedWithTheWholeResponse() {
        JsonRpcRequest request = request();
        script = body -> {
            assertThat(body).contains("\"method\":\"getBalance\"", "\"jsonrpc\":\"2.0\"", "\"id\":" + request.id());
            return Reply.json(result(request, "{\"context\":{\"slot\":7},\"value\":18446744073709551615}"));
        };

        var answer = transport.post(url(), request, Duration.ofSeconds(2));

        assertThat(answer.getJsonObject("result").getJsonNumber("value").bigIntegerValue())
                .hasToString("18446744073709551615");
    }

    @Test
    void aJsonRpcErrorKeepsItsCodeMessageAndData() {
        JsonRpcRequest request = request();
        script = body -> Reply.json("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32002,\"message\":\"Transaction simulation "
                + "failed: Attempt to debit an account but found no record of a prior credit.\",\"data\":{\"err\":"
                + "\"AccountNotFound\",\"logs\":[]}},\"id\":" + request.id() + "}");

        assertThatThrownBy(() -> transport.post(url(), request, Duration.ofSeconds(2)))
                .isInstanceOfSatisfying(JsonRpcErrorException.class, e -> {
                    assertThat(e.code()).isEqualTo(-32002);
                    assertThat(e.rpcMessage()).contains("no record of a prior credit");
                    assertThat(e.data().asJsonObject().getString("err")).isEqualTo("AccountNotFound");
                    assertThat(e.getMessage()).startsWith("getBalance refused by the node");
                });
    }

    @Test
    void httpErrorsAreTransportFailuresOfTheirKind() {
        script = body -> new Reply(500, "Internal Server Error", null);
        assertThatThrownBy(() -> transport.post(url(), request(), Duration.ofSeconds(2)))
                .isInstanceOfSatisfying(RpcTransportException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RpcTransportException.Kind.HTTP_5XX);
                    assertThat(e.detail()).isEqualTo("getBalance answered HTTP 500: Internal Server Error");
                });

        script = body -> new Reply(429, "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":429,\"message\":\"Too many requests\"}}", "1");
        assertThatThrownBy(() -> transport.post(url(), request(), Duration.ofSeconds(2)))
                .isInstanceOfSatisfying(RpcTransportException.class, e -> {
                    assertThat(e.kind()).as("a 429 is the node's state, not an answer to the request")
                            .isEqualTo(RpcTransportException.Kind.HTTP_429);
                    assertThat(e.detail()).isEqualTo("getBalance answered HTTP 429: rate limited, retry after 1 s");
                });

        script = body -> new Reply(403, "forbidden", null);
        assertThatThrownBy(() -> transport.post(url(), request(), Duration.ofSeconds(2)))
                .isInstanceOfSatisfying(RpcTransportException.class,
                        e -> assertThat(e.kind()).isEqualTo(RpcTransportException.Kind.HTTP_STATUS));
    }

    @Test
    void somethingElseThanJsonRpcIsABadResponse() {
        for (String garbage : List.of("<html>maintenance</html>", "[1,2]", "{\"jsonrpc\":\"2.0\",\"id\":-1,\"result\":1}",
                "{\"jsonrpc\":\"2.0\"}")) {
            script = body -> Reply.json(garbage);
            assertThatThrownBy(() -> transport.post(url(), request(), Duration.ofSeconds(2)))
                    .as(garbage)
                    .isInstanceOfSatisfying(RpcTransportException.class,
                            e -> assertThat(e.kind()).isEqualTo(RpcTransportException.Kind.BAD_RESPONSE));
        }
    }

    @Test
    void aHangingNodeTimesOutAndARefusedConnectionIsAnIoFailure() {
        script = body -> null;
        long start = System.nanoTime();
        assertThatThrownBy(() -> transport.post(url(), request(), Duration.ofMillis(300)))
                .isInstanceOfSatisfying(RpcTransportException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RpcTransportException.Kind.TIMEOUT);
                    assertThat(e.detail()).isEqualTo("getBalance got no answer within 300 ms");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));

        URI closed = url();
        server.stop(0);
        assertThatThrownBy(() -> transport.post(closed, request(), Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(RpcTransportException.class,
                        e -> assertThat(e.kind()).isEqualTo(RpcTransportException.Kind.IO));
    }

    @Test
    void anInterruptEndsTheWaitAtOnce() throws Exception {
        script = body -> null;
        Thread caller = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException ignored) {
                return;
            }
            caller.interrupt();
        });
        interrupter.start();
        long start = System.nanoTime();

        assertThatThrownBy(() -> transport.post(url(), request(), Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(RpcTransportException.class,
                        e -> assertThat(e.kind()).isEqualTo(RpcTransportException.Kind.INTERRUPTED));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
        interrupter.join();
    }

    @Test
    void theHealthCheckRecordsEachEndpointOnItsOwn() throws IOException {
        HttpServer broken = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        broken.createContext("/", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        broken.start();
        try {
            script = body -> {
                long id = Json.createReader(new java.io.StringReader(body)).readObject().getJsonNumber("id").longValue();
                return Reply.json("{\"jsonrpc\":\"2.0\",\"result\":1234,\"id\":" + id + "}");
            };
            RpcEndpoint ok = endpoint(0, url());
            RpcEndpoint failing = endpoint(1, URI.create("http://127.0.0.1:" + broken.getAddress().getPort()));
            RpcRouter router = new RpcRouter(List.of(ok, failing), RpcPoolConfig.FallbackStrategy.PRIORITY, RpcObserver.NONE);

            router.checkHealth(transport);

            assertThat(ok.health().healthy()).isTrue();
            assertThat(ok.health().slot()).isEqualTo(1234);
            assertThat(ok.health().checkedAt()).isNotNull();
            assertThat(failing.health().healthy()).isFalse();
            assertThat(failing.health().lastError()).isEqualTo("getSlot answered HTTP 500");
            assertThat(router.status()).extracting(EndpointStatus::usable).containsExactly(true, false);
        } finally {
            broken.stop(0);
        }
    }

    private static RpcEndpoint endpoint(int index, URI url) {
        return new RpcEndpoint(index, new RpcPoolConfig.Endpoint(url, 1, Duration.ofMillis(500), 5), null,
                new ObservedBreaker(5, Duration.ofSeconds(5), 1, System::nanoTime));
    }
}
