package com.solduel.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.solduel.it.SolanaLocalnet.Fault;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Solana RPC pool on the real server against the real localnet (three ports of one chain):
 * one port failing is invisible to users, its circuit breaker opens and closes again; all ports
 * failing makes the server unready and the API answer 503. The test server's pool (ear/pom.xml):
 * endpoint timeout 2000 ms, health check every 2000 ms, breaker after 5 failures, open for 4000 ms.
 */
class RpcPoolIT {

    private static final long LAMPORTS = 1_234_567_891L;
    private static final int BURST = 30;
    private static final Duration ENDPOINT_TIMEOUT = Duration.ofMillis(2000);
    /** Breaker delay + health-check interval, with room for a slow machine. */
    private static final Duration RECOVERY = Duration.ofSeconds(4 + 2 + 8);
    /**
     * HTTP/1.1 for the burst: the JDK client's default HTTP/2 (an h2c upgrade against Liberty)
     * stalled a first burst of 30 concurrent requests for 5 s here, with or without any RPC
     * fault, which would be mistaken for the pool's latency.
     */
    private static final HttpClient BURST_CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static String wallet;

    @BeforeAll
    static void fundAWallet() {
        SolanaLocalnet.requireRunning();
        wallet = SolanaLocalnet.newAddress();
        SolanaLocalnet.airdrop(wallet, LAMPORTS);
    }

    @BeforeEach
    void startWithAHealthyPool() {
        everyPortWorksAndThePoolHasRecovered();
    }

    @AfterEach
    void leaveAHealthyPoolForTheNextTest() {
        everyPortWorksAndThePoolHasRecovered();
    }

    private static void everyPortWorksAndThePoolHasRecovered() {
        SolanaLocalnet.clearFaults();
        TestEnvironment.await("every RPC endpoint healthy with its breaker not open", RECOVERY, () -> {
            balance(); // traffic lets a half-open breaker close
            return SolanaLocalnet.PORTS.stream().map(RpcPoolIT::endpoint)
                    .allMatch(state -> "true".equals(state.get("healthy")) && !"open".equals(state.get("breaker")));
        });
    }

    @Test
    void theBalanceOfAFreshlyFundedWalletIsReadThroughThePool() {
        HttpResponse<String> response = balance();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject body = TestEnvironment.json(response);
        assertThat(body.getString("wallet")).isEqualTo(wallet);
        assertThat(body.getJsonNumber("lamports").longValueExact()).isEqualTo(LAMPORTS);
        assertThat(body.getJsonNumber("sol").bigDecimalValue()).isEqualByComparingTo("1.234567891");
        assertThat(body.getJsonNumber("slot").longValueExact()).isPositive();

        HttpResponse<String> unknown = TestEnvironment.get("/api/wallets/" + SolanaLocalnet.newAddress() + "/balance");
        assertThat(TestEnvironment.json(unknown).getJsonNumber("lamports").longValueExact()).isZero();
    }

    @Test
    void aMalformedWalletIsABadRequest() {
        HttpResponse<String> response = TestEnvironment.get("/api/wallets/not-a-wallet/balance");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(TestEnvironment.json(response).getString("code")).isEqualTo("invalid-wallet-address");
    }

    @ParameterizedTest(name = "port #{1} answering {0}")
    @CsvSource({"HTTP500, 0, http_5xx", "HANG, 1, timeout", "HTTP429, 2, http_429"})
    void oneFailingPortIsInvisibleToUsersAndItsBreakerOpensAndClosesAgain(Fault fault, int index, String kind)
            throws Exception {
        int port = SolanaLocalnet.PORTS.get(index);
        // The n-th endpoint of rpc-pool.json is guarded by the Fault Tolerance lane RpcLane<n>.
        String lane = label("method", "com.solduel.solana.rpc.RpcLane" + (index + 1) + ".send");
        String endpoint = label("endpoint", SolanaLocalnet.url(port));
        double openedBefore = metric("ft_circuitbreaker_opened_total", lane);
        double timedOutBefore = metric("ft_timeout_calls_total", lane, label("timedOut", "true"));
        double errorsBefore = metric("solana_rpc_errors_total", endpoint, label("kind", kind));
        // Fail the port just after a health check, so the burst reaches it before the next check
        // takes it out of rotation: the breaker must open from the users' calls alone.
        awaitAFreshHealthCheck(port);
        SolanaLocalnet.setFault(port, fault);

        Watch watch = new Watch(port);
        List<Call> calls = burst();
        watch.stop();

        assertThat(calls).allSatisfy(call -> {
            assertThat(call.status()).as(call.body()).isEqualTo(200);
            assertThat(call.body()).contains("\"lamports\":" + LAMPORTS);
        });
        assertThat(watch.readiness).as("readiness while one port fails").containsOnly(200);
        assertThat(watch.breakers).as("breaker states readiness reported for port " + port).contains("open");
        assertThat(metric("ft_circuitbreaker_opened_total", lane)).as("Fault Tolerance opened " + lane)
                .isGreaterThan(openedBefore);
        assertThat(metric("solana_rpc_errors_total", endpoint, label("kind", kind))).as(kind + " errors of " + endpoint)
                .isGreaterThanOrEqualTo(errorsBefore + 5);
        assertThat(TestEnvironment.get("/metrics").body()).contains("solana_rpc_breaker_open{" + endpoint,
                "solana_rpc_endpoint_healthy{" + endpoint, "solana_rpc_requests_total{" + endpoint,
                "solana_rpc_request_duration_seconds_count{" + endpoint);
        if (fault == Fault.HANG) {
            assertThat(metric("ft_timeout_calls_total", lane, label("timedOut", "true"))).as("FT timeouts of " + lane)
                    .isGreaterThan(timedOutBefore);
            assertThat(calls.stream().map(Call::duration).max(Duration::compareTo).orElseThrow())
                    .as("the calls that met the hanging port first").isGreaterThan(ENDPOINT_TIMEOUT.minusMillis(100));
        }

        SolanaLocalnet.setFault(port, Fault.NONE);
        long cleared = System.nanoTime();
        TestEnvironment.await("the breaker of port " + port + " to close again", RECOVERY, () -> {
            assertThat(balance().statusCode()).isEqualTo(200);
            Map<String, String> state = endpoint(port);
            return "true".equals(state.get("healthy")) && "closed".equals(state.get("breaker"));
        });
        System.out.printf("RpcPoolIT: %s on port %d: slowest of %d calls %d ms, breaker closed %d ms after the fault cleared%n",
                fault, port, BURST, calls.stream().mapToLong(call -> call.duration().toMillis()).max().orElse(0),
                Duration.ofNanos(System.nanoTime() - cleared).toMillis());
    }

    @Test
    void aJsonRpcErrorAnswerIsTheCallersAnswerNeitherFailedOverNorCountedAgainstTheBreaker() {
        int port = SolanaLocalnet.PORTS.get(0);
        String lane = label("method", "com.solduel.solana.rpc.RpcLane1.send");
        String endpoint = label("endpoint", SolanaLocalnet.url(port));
        double openedBefore = metric("ft_circuitbreaker_opened_total", lane);
        double rpcErrorsBefore = metric("solana_rpc_errors_total", endpoint, label("kind", "rpc_error"));
        double requestsBefore = metric("solana_rpc_requests_total");
        SolanaLocalnet.refuse(port, "getBalance", -32603, "Internal error: secret-node-detail");

        // Round robin starts successive calls at successive endpoints: a third of them meet the refusing port.
        int calls = 24;
        int refused = 0;
        for (int i = 0; i < calls; i++) {
            HttpResponse<String> response = balance();
            if (response.statusCode() == 200) {
                assertThat(response.body()).contains("\"lamports\":" + LAMPORTS);
                continue;
            }
            refused++;
            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonObject problem = TestEnvironment.json(response);
            assertThat(problem.getString("code")).isEqualTo("solana-refused");
            assertThat(problem.getString("detail")).contains("-32603").doesNotContain("secret-node-detail", "127.0.0.1");
        }

        double rpcErrors = metric("solana_rpc_errors_total", endpoint, label("kind", "rpc_error")) - rpcErrorsBefore;
        System.out.printf("RpcPoolIT: %d of %d balance calls met the refusing port and got its answer; %d requests sent%n",
                refused, calls, (long) (metric("solana_rpc_requests_total") - requestsBefore));
        assertThat(refused).as("calls that met the refusing port were answered with its refusal, not failed over")
                .isGreaterThanOrEqualTo(6);
        assertThat(rpcErrors).as("rpc_error answers of the refusing port").isEqualTo(refused);
        assertThat(metric("solana_rpc_requests_total") - requestsBefore)
                .as("one request per call: a refused one was not retried on another endpoint").isEqualTo(calls);
        assertThat(metric("ft_circuitbreaker_opened_total", lane)).as("more than 5 refusals never opened " + lane)
                .isEqualTo(openedBefore);
        assertThat(endpoint(port)).containsEntry("breaker", "closed").containsEntry("healthy", "true");
        assertThat(TestEnvironment.get("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void aFullBulkheadIsAnswered503AtOnceNotQueued() throws Exception {
        // Node B, restarted with a pool of one request in flight per endpoint (and a breaker that
        // will not open), so a burst fills every bulkhead while node A keeps the suite's pool.
        LibertyNode b = LibertyNode.b();
        b.stop();
        StringBuilder pool = new StringBuilder("{\"endpoints\":[");
        for (int i = 0; i < SolanaLocalnet.PORTS.size(); i++) {
            pool.append(i == 0 ? "" : ",").append("{\"url\":\"").append(SolanaLocalnet.url(SolanaLocalnet.PORTS.get(i)))
                    .append("\",\"priority\":").append(i + 1).append(",\"timeout\":4000,\"maxConcurrentRequests\":1}");
        }
        pool.append("],\"fallbackStrategy\":\"round-robin\",\"healthCheckInterval\":2000,\"retryAttempts\":3,"
                + "\"circuitBreakerThreshold\":100}");
        b.testVariables(Map.of("solduel.solana.rpc-pool", pool.toString()));
        try {
            b.start();
            // A first burst on short delays loads and compiles both paths (answered, refused) of the
            // fresh node, so the measured burst times the bulkhead, not class loading: a cold node
            // once took 1.47 s to refuse its first call.
            SolanaLocalnet.PORTS.forEach(port -> SolanaLocalnet.slow(port, 300));
            burst(b.baseUrl(), 12);
            double fullBefore = metric(b, "solana_rpc_errors_total", label("kind", "bulkhead_full"));
            SolanaLocalnet.PORTS.forEach(port -> SolanaLocalnet.slow(port, 3000));
            List<Call> calls = burst(b.baseUrl(), 12);
            int answered = 0;
            for (Call call : calls) {
                if (call.status() == 200) {
                    answered++;
                    continue;
                }
                assertThat(call.status()).as(call.body()).isEqualTo(503);
                JsonObject problem = Json.createReader(new java.io.StringReader(call.body())).readObject();
                assertThat(problem.getString("code")).isEqualTo("solana-unavailable");
                assertThat(problem.getString("detail")).contains("bulkhead_full").doesNotContain("127.0.0.1");
                assertThat(call.duration()).as("refused at once, not queued behind the 3 s calls").isLessThan(Duration.ofMillis(2000));
            }
            System.out.printf("RpcPoolIT: a burst of %d on three endpoints of one slot each: %d answered, %d refused 503%n",
                    calls.size(), answered, calls.size() - answered);
            assertThat(answered).as("one call in flight per endpoint is served").isBetween(1, 3 * 2);
            assertThat(calls.size() - answered).as("the rest meet full bulkheads").isPositive();
            assertThat(metric(b, "solana_rpc_errors_total", label("kind", "bulkhead_full"))).isGreaterThan(fullBefore);
        } finally {
            SolanaLocalnet.clearFaults();
            try {
                b.stop();
            } finally {
                b.clearTestVariables();
            }
        }
    }

    @Test
    void aHangingPortCostsACallTheTimeoutOfRpcPoolJsonNotTheAnnotationDefault() throws Exception {
        int port = SolanaLocalnet.PORTS.get(1);
        String lane = label("method", "com.solduel.solana.rpc.RpcLane2.send");
        double timedOutBefore = metric("ft_timeout_calls_total", lane, label("timedOut", "true"));
        awaitAFreshHealthCheck(port);
        SolanaLocalnet.setFault(port, Fault.HANG);

        // One call in three starts at the hanging port (round-robin), the others do not touch it. Up
        // to six calls, until one has met it: the server's own RPC calls take turns in the same rotation.
        List<Call> calls = new ArrayList<>();
        Duration metTheHang = ENDPOINT_TIMEOUT.minusMillis(50);
        Call last;
        do {
            last = timedBalance();
            calls.add(last);
        } while (last.duration().compareTo(metTheHang) < 0 && calls.size() < 6);

        assertThat(calls).allSatisfy(call -> assertThat(call.status()).as(call.body()).isEqualTo(200));
        Duration slowest = calls.stream().map(Call::duration).max(Duration::compareTo).orElseThrow();
        // @Timeout on RpcLane says 10 s, the HTTP client would give up after 3 s (timeout + 1 s):
        // about 2 s is the endpoint's "timeout": 2000 from rpc-pool.json, applied by Fault Tolerance.
        assertThat(slowest).isBetween(metTheHang, ENDPOINT_TIMEOUT.plusMillis(900));
        // At least our call: the server's own RPC traffic (vault poller, payout sender, reconciler)
        // goes round-robin too and may meet the hanging port within the same 2 s.
        assertThat(metric("ft_timeout_calls_total", lane, label("timedOut", "true"))).as("Fault Tolerance timed out")
                .isGreaterThanOrEqualTo(timedOutBefore + 1);
        System.out.printf("RpcPoolIT: a call that met the hanging port took %d ms (endpoint timeout %d ms)%n",
                slowest.toMillis(), ENDPOINT_TIMEOUT.toMillis());
    }

    @Test
    void withEveryPortDownTheServerIsUnreadyAndTheApiAnswers503() {
        SolanaLocalnet.PORTS.forEach(port -> SolanaLocalnet.setFault(port, Fault.HTTP500));

        TestEnvironment.await("/health/ready to report DOWN", Duration.ofSeconds(10),
                () -> TestEnvironment.get("/health/ready").statusCode() == 503);
        JsonObject ready = TestEnvironment.json(TestEnvironment.get("/health/ready"));
        assertThat(ready.getJsonArray("checks").stream()
                .map(check -> check.asJsonObject().getString("name") + "=" + check.asJsonObject().getString("status")))
                .contains("solana-rpc=DOWN", "postgresql=UP", "redis=UP");
        assertThat(TestEnvironment.get("/health/live").statusCode()).as("no restart for an RPC outage").isEqualTo(200);

        HttpResponse<String> response = balance();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonObject problem = TestEnvironment.json(response);
        assertThat(problem.getString("code")).isEqualTo("solana-unavailable");
        assertThat(problem.getInt("status")).isEqualTo(503);
        assertThat(problem.getString("detail"))
                .startsWith("Solana RPC is unavailable: none of the 3 endpoints is usable")
                .doesNotContain("127.0.0.1");
    }

    private static void awaitAFreshHealthCheck(int port) {
        String lastCheck = endpoint(port).get("checkedAt");
        TestEnvironment.await("a fresh health check of port " + port, Duration.ofSeconds(5),
                () -> !String.valueOf(endpoint(port).get("checkedAt")).equals(lastCheck));
    }

    private static HttpResponse<String> balance() {
        return TestEnvironment.get("/api/wallets/" + wallet + "/balance");
    }

    record Call(int status, String body, Duration duration) {
    }

    private static Call timedBalance() throws Exception {
        return timedBalance(TestEnvironment.BASE_URL);
    }

    private static Call timedBalance(String baseUrl) throws Exception {
        long begin = System.nanoTime();
        HttpResponse<String> response = BURST_CLIENT.send(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/api/wallets/" + wallet + "/balance"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Call(response.statusCode(), response.body(), Duration.ofNanos(System.nanoTime() - begin));
    }

    /** {@value BURST} balance calls at once, as a busy server would make them. */
    private static List<Call> burst() throws Exception {
        return burst(TestEnvironment.BASE_URL, BURST);
    }

    private static List<Call> burst(String baseUrl, int size) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(size);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Call>> futures = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return timedBalance(baseUrl);
                }));
            }
            start.countDown();
            List<Call> calls = new ArrayList<>();
            for (Future<Call> future : futures) {
                calls.add(future.get());
            }
            return calls;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Polls /health/ready during a burst: its status codes and the breaker states of one endpoint. */
    private static final class Watch {
        final Set<Integer> readiness = ConcurrentHashMap.newKeySet();
        final Set<String> breakers = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Watch(int port) {
            thread = new Thread(() -> {
                while (running.get()) {
                    HttpResponse<String> ready = TestEnvironment.get("/health/ready");
                    readiness.add(ready.statusCode());
                    breakers.add(String.valueOf(endpoint(TestEnvironment.json(ready), port).get("breaker")));
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "readiness-watch");
            thread.start();
        }

        void stop() throws InterruptedException {
            Thread.sleep(300); // one last look after the burst
            running.set(false);
            thread.join();
        }
    }

    /** The solana-rpc readiness data of one port: healthy, breaker, active, checkedAt, lastError, ... */
    private static Map<String, String> endpoint(int port) {
        return endpoint(TestEnvironment.json(TestEnvironment.get("/health/ready")), port);
    }

    private static Map<String, String> endpoint(JsonObject ready, int port) {
        JsonObject data = ready.getJsonArray("checks").stream().map(check -> check.asJsonObject())
                .filter(check -> check.getString("name").equals("solana-rpc"))
                .findFirst().orElseThrow(() -> new AssertionError("no solana-rpc readiness check: " + ready))
                .getJsonObject("data");
        String text = data.getString(SolanaLocalnet.url(port));
        Map<String, String> state = new LinkedHashMap<>();
        int error = text.indexOf(" lastError=");
        if (error >= 0) {
            state.put("lastError", text.substring(error + " lastError=".length()));
            text = text.substring(0, error);
        }
        for (String pair : text.split(" ")) {
            int eq = pair.indexOf('=');
            state.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return state;
    }

    private static String label(String name, String value) {
        return name + "=\"" + value + "\"";
    }

    /** The sum of a Prometheus metric's samples that carry every one of {@code labels}. */
    private static double metric(String name, String... labels) {
        return metric(LibertyNode.a(), name, labels);
    }

    private static double metric(LibertyNode node, String name, String... labels) {
        double sum = 0;
        for (String line : TestEnvironment.send(HttpRequest.newBuilder(node.uri("/metrics")).GET()).body().split("\n")) {
            if (line.startsWith(name + "{") && List.of(labels).stream().allMatch(line::contains)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
