package com.solduel.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The multi-node test infrastructure works for real (SPEC §13): a second Liberty server beside the
 * build's shares its database and keys, stops answering while frozen and answers again once thawed,
 * closes its port when killed with SIGKILL while the first node keeps answering, and starts again.
 * One start of node B for the class, one restart after the kill.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecondNodeIT {

    private static final LibertyNode A = LibertyNode.a();
    private static final LibertyNode B = LibertyNode.b();
    /** Long enough for an idle node on this machine, short enough to show a frozen one never answers. */
    private static final Duration SHORT = Duration.ofSeconds(2);
    private static final Duration NORMAL = Duration.ofSeconds(30);

    private static Duration firstStart;
    private static Duration killToPortClosed;
    private static Duration restart;

    @BeforeAll
    static void startNodeB() {
        assertThat(A.isReady()).as("node A (%s) is ready", A).isTrue();
        assertThat(B.isRunning()).as("the build creates node B but does not start it").isFalse();
        firstStart = B.start();
    }

    @AfterAll
    static void stopNodeB() {
        B.stop();
        System.out.printf("SecondNodeIT timings: node B start %s, SIGKILL to closed port %s, restart after the kill %s%n",
                seconds(firstStart), seconds(killToPortClosed), seconds(restart));
    }

    @Test
    @Order(1)
    void nodeBListensOnItsOwnPortsAndServesTheSameDatabase() throws Exception {
        assertThat(B.isReady()).isTrue();
        String log = Files.readString(B.messagesLog());
        assertThat(log).as("node B's HTTP endpoint, from its configDropins override")
                .containsPattern("CWWKO0219I: TCP Channel defaultHttpEndpoint has been started .* port " + B.httpPort() + "\\.")
                .containsPattern("CWWKO0219I: TCP Channel defaultHttpEndpoint-ssl has been started .* port " + B.httpsPort() + "\\.")
                .as("no port of node B clashes with node A's").doesNotContain("CWWKO0221E");
        assertThat(B.pid()).isNotEqualTo(A.pid());

        TestWallet wallet = TestWallet.random();
        String token = wallet.signIn(); // on node A
        var player = B.get("/api/players/" + wallet.address(), NORMAL);
        assertThat(player.statusCode()).as("node B finds the player node A created: " + player.body()).isEqualTo(200);
        assertThat(TestEnvironment.json(player).getString("walletAddress")).isEqualTo(wallet.address());

        var me = TestEnvironment.send(HttpRequest.newBuilder(B.uri("/api/me")).header("Authorization", "Bearer " + token).GET());
        assertThat(me.statusCode()).as("node B accepts node A's JWT (same keys from server.env): " + me.body()).isEqualTo(200);
        assertThat(TestEnvironment.json(me).getString("walletAddress")).isEqualTo(wallet.address());
    }

    @Test
    @Order(2)
    void aFrozenNodeDoesNotAnswerWhileTheOtherDoesAndAnswersOnceThawed() throws Exception {
        B.freeze();
        try {
            assertThat(B.acceptsConnections()).as("the kernel still accepts connections on a frozen JVM's port").isTrue();
            assertThatThrownBy(() -> B.get("/health/ready", SHORT))
                    .as("a request to the frozen node B times out").isInstanceOf(HttpTimeoutException.class);
            assertThat(A.get("/health/ready", SHORT).statusCode()).as("node A still answers").isEqualTo(200);
        } finally {
            B.thaw();
        }
        TestEnvironment.await("node B to answer again after SIGCONT", NORMAL, B::isReady);
    }

    @Test
    @Order(3)
    void aKilledNodeClosesItsPortWhileTheOtherAnswersAndStartsAgain() throws Exception {
        long killedPid = B.pid();
        killToPortClosed = B.kill9();
        assertThat(B.isRunning()).isFalse();
        assertThat(B.acceptsConnections()).isFalse();
        assertThatThrownBy(() -> B.get("/health/ready", SHORT))
                .as("nothing listens on node B's port").isInstanceOf(ConnectException.class);
        assertThat(A.get("/health/ready", SHORT).statusCode()).as("node A still answers").isEqualTo(200);

        restart = B.start();
        assertThat(B.pid()).as("a new JVM").isNotEqualTo(killedPid);
        TestWallet wallet = TestWallet.random();
        wallet.signIn(); // on node A
        assertThat(B.get("/api/players/" + wallet.address(), NORMAL).statusCode())
                .as("the restarted node B reads the shared database").isEqualTo(200);
    }

    private static String seconds(Duration duration) {
        return duration == null ? "-" : String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
