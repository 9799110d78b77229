package com.solduel.it;

import static com.solduel.it.SignInIT.assertProblem;
import static com.solduel.it.SignInIT.requestNonce;
import static com.solduel.it.SignInIT.verify;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Nobody can disturb another wallet's sign-in or flood the challenges (SPEC §16, issue 8 item 4).
 * The test server's budget (ear/pom.xml): 600 nonce requests per address and 10 per wallet per
 * 10 s window. An "attacker" on another address is a socket bound to 127.0.0.2.
 */
class SignInAbuseIT {

    private static boolean startedNodeB;

    @AfterAll
    static void stopNodeBIfStartedHere() {
        if (startedNodeB) {
            LibertyNode.b().stop();
        }
    }

    @Test
    void askingForANonceOfTheVictimsWalletBetweenItsNonceAndVerifyDoesNotCancelItsSignIn() throws Exception {
        TestWallet victim = TestWallet.random();
        String message = TestEnvironment.json(requestNonce(victim.address())).getString("message");
        // The attack from the issue, from the same address and from another one, until the wallet's budget is spent.
        assertThat(requestNonce(victim.address()).statusCode()).isEqualTo(200);
        List<Integer> attacker = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            attacker.add(postFrom("127.0.0.2", "/api/auth/nonce", "{\"wallet\":\"" + victim.address() + "\"}"));
        }
        assertThat(attacker).as("the wallet's budget (10 per window) runs out").contains(200, 429);
        var verified = verify(victim.address(), victim.sign(message));
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
    }

    @Test
    void aFloodOfNonceRequestsIsRefusedWith429AndRetryAfterAndTheChallengesInRedisStayBounded() throws Exception {
        long keysBefore = challengeKeys();
        HttpResponse<String> refused = null;
        int sent = 0;
        while (refused == null && sent < 2000) {
            HttpResponse<String> response = requestNonce(TestWallet.random().address());
            sent++;
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            }
        }
        assertThat(refused).as("refused after " + sent + " requests").isNotNull();
        assertProblem(refused, 429, "too-many-sign-in-requests");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 10L);
        // Until the window ends, every further request is refused too.
        long windowEnds = System.currentTimeMillis() + (retryAfter - 1) * 1000;
        int refusedMore = 0;
        while (refusedMore < 200 && System.currentTimeMillis() < windowEnds - 200) {
            assertThat(requestNonce(TestWallet.random().address()).statusCode()).isEqualTo(429);
            refusedMore++;
        }
        long created = challengeKeys() - keysBefore;
        System.out.printf("SignInAbuseIT: %d nonce requests before a 429 (Retry-After %d s), %d more refused; "
                + "%d challenge keys created%n", sent, retryAfter, refusedMore, created);
        // One address opens at most its budget per window: 600, twice if the flood straddled two windows.
        assertThat(created).isLessThanOrEqualTo(1200);
        // Let the window pass so the rest of the suite signs in as usual.
        Thread.sleep((retryAfter + 1) * 1000);
        assertThat(requestNonce(TestWallet.random().address()).statusCode()).isEqualTo(200);
    }

    @Test
    void oneSignatureReplayedInParallelOnTwoNodesGivesExactlyOneToken() throws Exception {
        LibertyNode b = LibertyNode.b();
        if (!b.isRunning()) {
            b.start();
            startedNodeB = true;
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int round = 0; round < 5; round++) {
            TestWallet wallet = TestWallet.random();
            String message = TestEnvironment.json(requestNonce(wallet.address())).getString("message");
            String body = Json.createObjectBuilder().add("wallet", wallet.address())
                    .add("signature", wallet.sign(message)).build().toString();
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (URI node : List.of(LibertyNode.a().uri("/api/auth/verify"), b.uri("/api/auth/verify"))) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                        return client.send(HttpRequest.newBuilder(node).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            go.countDown();
            List<Integer> statuses = answers.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();
            assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 401);
        }
    }

    private static long challengeKeys() {
        try (Jedis redis = new Jedis("127.0.0.1", TestEnvironment.redisPort())) {
            long count = 0;
            String cursor = "0";
            do {
                var page = redis.scan(cursor, new redis.clients.jedis.params.ScanParams().match("auth:challenge:*").count(1000));
                count += page.getResult().size();
                cursor = page.getCursor();
            } while (!cursor.equals("0"));
            return count;
        }
    }

    /** A POST from {@code localAddress} (another loopback address is another client) answering its status. */
    static int postFrom(String localAddress, String path, String json) throws IOException {
        int port = URI.create(TestEnvironment.BASE_URL).getPort();
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
