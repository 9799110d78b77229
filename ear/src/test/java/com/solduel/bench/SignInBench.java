package com.solduel.bench;

import com.solduel.solana.Base58;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Sign-ins per second against a running server (SPEC §14: figures printed as a ratio to a bare
 * baseline measured in the same run, here GET /health/live). Each sign-in is the full flow a
 * wallet does: POST /api/auth/nonce, Ed25519 signature, POST /api/auth/verify (first sign-in of a
 * new wallet, so it also creates the player row and issues a JWT).
 *
 * <p>Run against the local stack: {@code mvn -q -pl ear exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.solduel.bench.SignInBench -Dexec.args="http://localhost:9080 2000 8"}
 * (base URL, sign-ins, concurrent clients). Loopback only.
 */
public final class SignInBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:9080";
        int total = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        if (!URI.create(base).getHost().matches("localhost|127\\.0\\.0\\.1|\\[::1]")) {
            throw new IllegalArgumentException("benchmarks only target loopback, got " + base);
        }
        System.out.printf("sign-in benchmark: %d sign-ins, %d clients, %s%n", total, clients, base);
        run("warm-up", Math.min(200, total), clients, () -> signIn(base));

        Result baseline = run("baseline GET /health/live", total, clients, () -> get(base + "/health/live"));
        Result signIns = run("sign-in (nonce + Ed25519 + verify + JWT)", total, clients, () -> signIn(base));
        System.out.printf("%nsign-ins/s: %.0f   p50 %.1f ms   p99 %.1f ms   (%.2fx the baseline's throughput)%n",
                signIns.perSecond, signIns.p50, signIns.p99, signIns.perSecond / baseline.perSecond);
    }

    private static Result run(String name, int total, int clients, Task task) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(total));
        AtomicInteger remaining = new AtomicInteger(total);
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                while (remaining.getAndDecrement() > 0) {
                    long t0 = System.nanoTime();
                    try {
                        task.run();
                        latencies.add(System.nanoTime() - t0);
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        Result result = new Result(sorted.size() / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99));
        System.out.printf("%-45s %7.0f/s  p50 %6.2f ms  p99 %6.2f ms  failures %d%n", name, result.perSecond,
                result.p50, result.p99, failures.get());
        return result;
    }

    private static double percentile(List<Long> sorted, double q) {
        return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, q * sorted.size())) / 1e6;
    }

    private static void signIn(String base) throws Exception {
        var key = new Ed25519PrivateKeyParameters(new SecureRandom());
        String wallet = Base58.encode(key.generatePublicKey().getEncoded());
        var nonce = post(base + "/api/auth/nonce", "{\"wallet\":\"" + wallet + "\"}");
        String message = Json.createReader(new StringReader(nonce)).readObject().getString("message");
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(bytes, 0, bytes.length);
        post(base + "/api/auth/verify", "{\"wallet\":\"" + wallet + "\",\"signature\":\""
                + Base58.encode(signer.generateSignature()) + "\"}");
    }

    private static String post(String url, String json) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static void get(String url) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " -> " + response.statusCode());
        }
    }

    private interface Task {
        void run() throws Exception;
    }

    private record Result(double perSecond, double p50, double p99) {
    }
}
