package com.solduel.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The idle close on the real endpoint: a socket that sends nothing for solduel.ws.idle-timeout-seconds
 * is closed with 1001, one that pings is not. Node B runs for this test with a short timeout
 * (ear/pom.xml: solduel.it.short-idle-timeout-seconds), so node A keeps the default and no other
 * test's quiet socket is closed under it; node B gets its normal configuration back afterwards.
 */
class IdleSocketIT {

    private static final LibertyNode B = LibertyNode.b();
    private static final int IDLE_SECONDS = Integer.parseInt(System.getProperty("solduel.it.short-idle-timeout-seconds", "3"));

    @BeforeAll
    static void startNodeBWithAShortIdleTimeout() {
        B.stop();
        B.testVariables(Map.of("solduel.ws.idle-timeout-seconds", String.valueOf(IDLE_SECONDS)));
        B.start();
    }

    @AfterAll
    static void giveNodeBItsOwnConfigurationBack() {
        try {
            B.stop();
        } finally {
            B.clearTestVariables();
        }
    }

    @Test
    void aSilentSocketIsClosedWith1001AndOneThatPingsStaysOpen() throws Exception {
        String token = TestWallet.random().signIn();
        URI endpoint = URI.create(B.wsUrl());
        try (GameSocket silent = GameSocket.connect(endpoint, token); GameSocket pinging = GameSocket.connect(endpoint, token)) {
            assertThat(silent.received().get(0).getJsonObject("limits").getInt("idleTimeoutSeconds"))
                    .as("the welcome tells the client the timeout").isEqualTo(IDLE_SECONDS);
            long opened = System.nanoTime();
            int pings = 0;
            while (!silent.isClosed() && Duration.ofNanos(System.nanoTime() - opened).toSeconds() < 4L * IDLE_SECONDS + 5) {
                pinging.send("{\"type\":\"ping\",\"nonce\":\"p" + pings + "\"}");
                String nonce = "p" + pings++;
                pinging.await("pong", f -> nonce.equals(f.getString("nonce", "")));
                Thread.sleep(IDLE_SECONDS * 1000L / 3);
            }
            GameSocket.Closed closed = silent.awaitClose();
            long after = Duration.ofNanos(System.nanoTime() - opened).toMillis();
            System.out.printf("IdleSocketIT: the silent socket was closed %d ms after opening (timeout %d s)%n", after, IDLE_SECONDS);
            assertThat(closed.code()).isEqualTo(1001);
            assertThat(closed.reason()).startsWith("idle: no frame for " + IDLE_SECONDS + " s");
            assertThat(after).as("not before the timeout").isGreaterThanOrEqualTo(IDLE_SECONDS * 1000L - 200);

            // The pinging socket outlives the silent one by more than another whole timeout.
            for (int i = 0; i < 6; i++) {
                String nonce = "q" + i;
                pinging.send("{\"type\":\"ping\",\"nonce\":\"" + nonce + "\"}");
                pinging.await("pong", f -> nonce.equals(f.getString("nonce", "")));
                Thread.sleep(IDLE_SECONDS * 1000L / 3);
            }
            assertThat(pinging.isClosed()).as("a socket that pings is never idle").isFalse();
        }
    }
}
