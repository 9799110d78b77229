package com.solduel.it;

import com.solduel.solana.Base58;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The Solana localnet the build runs the test server against (one chain on several RPC ports,
 * started by scripts/test.sh), spoken to directly: airdrops, and the test-only fault switch
 * {@code localnet_setFault} that makes one port answer HTTP 500, 429, or hang.
 */
public final class SolanaLocalnet {

    /** The RPC ports, in the order of the test server's rpc-pool.json (see ear/pom.xml). */
    public static final List<Integer> PORTS = ports();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What {@code localnet_setFault} can make a port do. */
    public enum Fault {
        NONE("none"), HTTP500("http500"), HANG("hang"), HTTP429("http429"), DROP_TX("dropTx");

        private final String mode;

        Fault(String mode) {
            this.mode = mode;
        }
    }

    private SolanaLocalnet() {
    }

    private static List<Integer> ports() {
        String ports = System.getProperty("solduel.localnet.ports");
        if (ports == null) {
            throw new IllegalStateException("system property solduel.localnet.ports is not set: run the integration "
                    + "tests through Maven (scripts/test.sh), which starts the localnet and sets it");
        }
        return Arrays.stream(ports.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }

    /** The RPC URL of a port, as the test server's pool names it. */
    public static String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** Fails with how to start the localnet unless every port answers. */
    public static void requireRunning() {
        for (int port : PORTS) {
            try {
                rpc(port, "getHealth", Json.createArrayBuilder().build());
            } catch (RuntimeException e) {
                throw new AssertionError("the Solana localnet does not answer on port " + port + " (" + e.getMessage()
                        + "); scripts/test.sh starts it, or run: node tools/solana-localnet/server.js --ports "
                        + System.getProperty("solduel.localnet.ports") + " --instant-finality &", e);
            }
        }
    }

    /** A JSON-RPC call to one port; returns {@code result}, fails on an error answer. */
    public static JsonValue rpc(int port, String method, JsonValue params) {
        String body = Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", 1).add("method", method)
                .add("params", params).build().toString();
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url(port)))
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            JsonObject answer = Json.createReader(new StringReader(response.body())).readObject();
            if (answer.containsKey("error")) {
                throw new IllegalStateException(method + " on port " + port + " failed: " + answer.get("error"));
            }
            return answer.get("result");
        } catch (IOException e) {
            throw new IllegalStateException(method + " on port " + port + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Makes {@code port} misbehave (the control call itself is never subject to faults). */
    public static void setFault(int port, Fault fault) {
        rpc(PORTS.get(0), "localnet_setFault", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("port", port).add("mode", fault.mode)).build());
    }

    /**
     * Makes {@code port} answer {@code method} with a JSON-RPC error object (HTTP 200): the node
     * works and refuses the request. Other methods, health checks included, are served.
     */
    public static void refuse(int port, String method, int code, String message) {
        rpc(PORTS.get(0), "localnet_setFault", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("port", port).add("mode", "rpcError")
                        .add("methods", Json.createArrayBuilder().add(method)).add("code", code).add("message", message))
                .build());
    }

    /** Makes {@code port} wait {@code delayMs} before it handles each request, like a busy node. */
    public static void slow(int port, int delayMs) {
        rpc(PORTS.get(0), "localnet_setFault", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("port", port).add("mode", "slow").add("delayMs", delayMs)).build());
    }

    /** Every port answers normally again. */
    public static void clearFaults() {
        PORTS.forEach(port -> setFault(port, Fault.NONE));
    }

    /** A fresh random address (any 32 bytes are a valid Solana address). */
    public static String newAddress() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base58.encode(key);
    }

    /** Funds {@code address} from the localnet faucet; with instant finality it is final at once. */
    public static void airdrop(String address, long lamports) {
        rpc(PORTS.get(0), "requestAirdrop", Json.createArrayBuilder().add(address).add(lamports)
                .add(Json.createObjectBuilder().add("commitment", "finalized")).build());
    }
}
