package com.solduel.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/**
 * Ops surfaces listen apart from the players, logs hold no token, and readiness and metrics show no
 * RPC URL beyond scheme, host and port (SPEC §16, issue 8 items 6, 10, 11).
 */
class OpsSurfaceIT {

    private static final LibertyNode A = LibertyNode.a();
    private static final int ADMIN_HTTP = Integer.getInteger("solduel.node.a.admin.http.port");
    private static final int ADMIN_HTTPS = Integer.getInteger("solduel.node.a.admin.https.port");

    @Test
    void theAdminCenterAndTheRestConnectorAnswerOnlyOnTheAdminListener() throws Exception {
        for (String path : List.of("/adminCenter/", "/IBMJMXConnectorREST", "/ibm/api/")) {
            assertThat(get("http://localhost:" + A.httpPort() + path).statusCode()).as("player HTTP " + path).isEqualTo(404);
            assertThat(get("https://localhost:" + A.httpsPort() + path).statusCode()).as("player HTTPS " + path).isEqualTo(404);
        }
        assertThat(get("https://127.0.0.1:" + ADMIN_HTTPS + "/adminCenter/").statusCode())
                .as("the admin center on the admin listener").isIn(200, 302);
        assertThat(get("https://127.0.0.1:" + ADMIN_HTTPS + "/IBMJMXConnectorREST/").statusCode())
                .as("the REST connector on the admin listener asks for credentials").isIn(401, 403);
        // Health and metrics keep their paths on the player port (relayed) and answer on the admin listener.
        assertThat(get("http://localhost:" + A.httpPort() + "/health/ready").statusCode()).isEqualTo(200);
        assertThat(get("http://127.0.0.1:" + ADMIN_HTTP + "/health/ready").statusCode()).isEqualTo(200);
        assertThat(get("http://localhost:" + A.httpPort() + "/metrics").body()).contains("solana_rpc_requests_total");
    }

    @Test
    void jobHistoryIsOnTheAdminListenerOnlyAndOnlyForTheAdminCenterUser() throws Exception {
        for (String path : List.of("/ibm/api/batch/jobinstances", "/ibm/adminCenter/javaBatch-1.0/")) {
            assertThat(get("http://localhost:" + A.httpPort() + path).statusCode()).as("player HTTP " + path).isEqualTo(404);
            assertThat(get("https://localhost:" + A.httpsPort() + path).statusCode()).as("player HTTPS " + path).isEqualTo(404);
        }
        String jobs = "https://127.0.0.1:" + ADMIN_HTTPS + "/ibm/api/batch/jobinstances";
        assertThat(get(jobs).statusCode()).as("the batch REST API without credentials").isEqualTo(401);
        assertThat(getAs(jobs, TestEnvironment.secret("ADMIN_CENTER_USER"), "not-the-password").statusCode())
                .as("with a wrong password").isEqualTo(401);
        // No job can be submitted over it without credentials either (batchSubmitter is granted to the application's own timers).
        HttpResponse<String> submit = trustingClient().send(HttpRequest.newBuilder(URI.create(jobs)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"applicationName\":\"sol-duel\",\"moduleName\":\"batch-jobs.jar\","
                        + "\"jobXMLName\":\"backup\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(submit.statusCode()).as("a submission without credentials").isEqualTo(401);
        HttpResponse<String> history = getAs(jobs, TestEnvironment.secret("ADMIN_CENTER_USER"), TestEnvironment.secret("ADMIN_CENTER_PASSWORD"));
        assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
        assertThat(history.body()).as("job instances as JSON").startsWith("[");
        assertThat(getAs("https://127.0.0.1:" + ADMIN_HTTPS + "/ibm/adminCenter/javaBatch-1.0/", TestEnvironment.secret("ADMIN_CENTER_USER"),
                TestEnvironment.secret("ADMIN_CENTER_PASSWORD")).statusCode()).as("the admin center's Java Batch tool").isIn(200, 302);
    }

    private static HttpResponse<String> getAs(String url, String user, String password) throws IOException, InterruptedException {
        String basic = java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return trustingClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readinessAndMetricsNameRpcEndpointsBySchemeHostAndPortOnly() throws Exception {
        String ready = get("http://localhost:" + A.httpPort() + "/health/ready").body();
        String metrics = get("http://localhost:" + A.httpPort() + "/metrics").body();
        List<String> urls = new ArrayList<>();
        Matcher m = Pattern.compile("https?://[^\"\\s,}]+").matcher(ready + "\n" + metrics);
        while (m.find()) {
            urls.add(m.group());
        }
        assertThat(urls).as("endpoint URLs in readiness and metrics").isNotEmpty()
                .allMatch(u -> u.matches("https?://[A-Za-z0-9.\\-\\[\\]:]+(#\\d+)?"), "scheme, host and port only");
    }

    @Test
    void aTamperedTokenLeavesNoTraceOfItsTextInTheServersMessagesAndConsoleLogs() throws Exception {
        TestWallet wallet = TestWallet.random();
        String token = wallet.signIn();
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String forged = payload.replace("\"player\"", "\"player\",\"admin\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes()) + "." + parts[2];
        for (int i = 0; i < 5; i++) {
            assertThat(TestEnvironment.send(HttpRequest.newBuilder(URI.create(TestEnvironment.BASE_URL + "/api/me"))
                    .header("Authorization", "Bearer " + tampered).GET()).statusCode()).isEqualTo(401);
        }
        Thread.sleep(2000); // the log writer is asynchronous
        Path logs = A.messagesLog().getParent();
        List<Path> stillHolding = new ArrayList<>();
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                String text = Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
                if (name.startsWith("messages") || name.startsWith("console")) {
                    assertThat(text).as(file.toString()).doesNotContain(parts[2]);
                } else if (text.contains(parts[2])) {
                    stillHolding.add(logs.relativize(file));
                }
            }
        }
        // Liberty still writes hidden messages to trace.log and its first-failure capture to ffdc/
        // (neither can be switched off): known limit, liberty-config/README.md. Nothing else may hold it.
        System.out.println("OpsSurfaceIT: files outside messages/console logs holding the tampered token: " + stillHolding);
        assertThat(stillHolding).as("only the known places hold a refused token")
                .allMatch(file -> file.toString().equals("trace.log") || file.startsWith("ffdc"));
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return trustingClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The test server's certificate is self-signed; these checks are about where things listen. */
    static HttpClient trustingClient() {
        try {
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            SSLParameters params = new SSLParameters();
            params.setEndpointIdentificationAlgorithm(null);
            return HttpClient.newBuilder().sslContext(ssl).sslParameters(params).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(3)).build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
