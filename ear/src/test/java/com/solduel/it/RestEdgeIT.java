package com.solduel.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.concurrent.ThreadLocalRandom;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every error the player ports answer is an RFC 9457 problem with a stable code and no internals
 * (SPEC §10, §16; issue 8 items 3, 5, 7, 8, 11, 13): malformed headers, paths and numbers, the
 * web container's own errors, security headers, CORS, and the per-address rate limit.
 */
class RestEdgeIT {

    private static final int PORT = LibertyNode.a().httpPort();

    /** What no answer may show: class or package names, a stack frame, the runtime's message ids. */
    static void assertClean(SoftAssertions soft, String what, int status, String contentType, String body, int expectedStatus,
                            String expectedCode) {
        soft.assertThat(status).as(what + " status; body: " + body).isEqualTo(expectedStatus);
        soft.assertThat(contentType).as(what + " content type").startsWith("application/problem+json");
        soft.assertThat(body).as(what + " body")
                .doesNotContain("java.").doesNotContain("jakarta.").doesNotContain("com.solduel").doesNotContain("com.ibm")
                .doesNotContain("org.jboss").doesNotContain("\tat ").doesNotContain("RESTEASY").doesNotContain("SRVE")
                .doesNotContain("CWWWC");
        if (expectedCode != null && body.startsWith("{")) {
            soft.assertThat(jakarta.json.Json.createReader(new java.io.StringReader(body)).readObject().getString("code")).as(what + " code").isEqualTo(expectedCode);
        }
    }

    static void assertClean(SoftAssertions soft, String what, RawHttp.Answer answer, int status, String code) {
        assertClean(soft, what, answer.status(), answer.header("Content-Type").orElse(""), answer.body(), status, code);
    }

    static void assertClean(SoftAssertions soft, String what, HttpResponse<String> answer, int status, String code) {
        assertClean(soft, what, answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""), answer.body(),
                status, code);
    }

    @Test
    void aMalformedAcceptOrContentTypeIsA400ProblemAndLogsNoStack() throws IOException {
        long logBefore = Files.size(LibertyNode.a().messagesLog());
        SoftAssertions soft = new SoftAssertions();
        assertClean(soft, "Accept q=abc", RawHttp.send(PORT, "GET /api/players HTTP/1.1\r\nAccept: */*;q=abc"), 400, "malformed-header");
        assertClean(soft, "Accept garbage;;", RawHttp.send(PORT, "GET /api/players HTTP/1.1\r\nAccept: garbage;;"), 400, "malformed-header");
        assertClean(soft, "Content-Type ;;;/", RawHttp.send(PORT, "POST /api/auth/nonce HTTP/1.1\r\nContent-Type: ;;;/",
                "{}", false), 400, "malformed-header");
        assertClean(soft, "Accept text/html only", RawHttp.send(PORT, "GET /api/players HTTP/1.1\r\nAccept: text/html"), 406,
                "not-acceptable");
        soft.assertAll();
        String logged = Files.readString(LibertyNode.a().messagesLog()).substring((int) logBefore);
        assertThat(logged).as("no stack trace logged for a client's mistake").doesNotContain("\tat ").doesNotContain("SEVERE");
    }

    @Test
    void numbersAreParsedStrictlyAndTheProblemNamesTheField() {
        String token = TestWallet.random().signIn();
        SoftAssertions soft = new SoftAssertions();
        for (String bestOf : new String[] {"4294967299", "-4294967291", "5.99", "5.0", "5e0", "\"3\""}) {
            var answer = GameApiIT.post("/api/games", "{\"gameType\":\"RPS\",\"bestOf\":" + bestOf + "}", token);
            assertClean(soft, "bestOf " + bestOf, answer, 400, "invalid-number");
            if (answer.statusCode() == 400) {
                JsonObject problem = TestEnvironment.json(answer);
                soft.assertThat(problem.getJsonArray("violations").getJsonObject(0).getString("field")).isEqualTo("bestOf");
            }
        }
        soft.assertThat(GameApiIT.post("/api/games", "{\"gameType\":\"RPS\",\"bestOf\":5}", token).statusCode())
                .as("a plain integer is still fine").isEqualTo(201);
        for (String path : new String[] {"/api/games/abc", "/api/games/1.5", "/api/games/9223372036854775808",
                "/api/games/1e3/export"}) {
            assertClean(soft, path, TestEnvironment.get(path), 400, "invalid-number");
        }
        for (String query : new String[] {"page=abc", "page=1.5", "size=4294967316", "size=2e1", "page=-4294967296"}) {
            var answer = TestEnvironment.get("/api/players?" + query);
            assertClean(soft, query, answer, 400, "invalid-number");
            if (answer.statusCode() == 400) {
                soft.assertThat(TestEnvironment.json(answer).getJsonArray("violations").getJsonObject(0).getString("field"))
                        .isEqualTo(query.substring(0, query.indexOf('=')));
            }
        }
        soft.assertAll();
    }

    @Test
    void badPathsAndBodiesAreProblemsWithoutClassNames() {
        String token = TestWallet.random().signIn();
        SoftAssertions soft = new SoftAssertions();
        for (String escape : new String[] {"%2F", "%5C", "%23", "%C3%28", "%FF"}) {
            RawHttp.Answer answer = RawHttp.send(PORT, "GET /api/players/a" + escape + "b HTTP/1.1");
            soft.assertThat(answer.status()).as(escape).isBetween(400, 404);
            assertClean(soft, "path with " + escape, answer, answer.status(), null);
        }
        var join = TestEnvironment.send(HttpRequest.newBuilder(URI.create(TestEnvironment.BASE_URL + "/api/games/join"))
                .header("Content-Type", "*/*").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"inviteCode\":\"ABCD2345\"}")));
        assertClean(soft, "join with Content-Type */*", join, 415, "unsupported-media-type");
        assertClean(soft, "404 outside /api", TestEnvironment.get("/no-such-page"), 404, "not-found");
        assertClean(soft, "404 under /api", TestEnvironment.get("/api/no-such-thing"), 404, "not-found");
        assertClean(soft, "problem page asked for directly", TestEnvironment.get("/problem-page"), 404, "not-found");
        assertClean(soft, "wrong method", TestEnvironment.send(HttpRequest.newBuilder(
                URI.create(TestEnvironment.BASE_URL + "/api/players")).DELETE()), 405, "method-not-allowed");
        assertClean(soft, "a 70 KB body", TestEnvironment.post("/api/auth/nonce",
                "{\"wallet\":\"" + "1".repeat(70_000) + "\"}"), 413, "request-entity-too-large");
        assertClean(soft, "trailing garbage after the JSON", TestEnvironment.post("/api/auth/nonce",
                "{\"wallet\":\"x\"} trailing"), 400, "malformed-body");
        assertClean(soft, "a number where the wallet string belongs", TestEnvironment.post("/api/auth/nonce",
                "{\"wallet\":12}"), 400, "invalid-type");
        assertClean(soft, "no token", TestEnvironment.get("/api/me"), 401, null);
        soft.assertAll();
    }

    /**
     * Liberty's web container refuses these paths (Servlet 6 URI canonicalisation) before choosing
     * an application, with its own fixed page: no application code or error page can change it
     * (liberty-config/README.md). What holds: a 400, nothing but the escaped path and a message id.
     */
    @Test
    void pathsTheContainerRefusesBeforeTheApplicationAre400sWithoutInternals() {
        SoftAssertions soft = new SoftAssertions();
        for (String escape : new String[] {"%09", "%0D", "%00", "%7F", "%"}) {
            RawHttp.Answer answer = RawHttp.send(PORT, "GET /api/players/a" + escape + "b HTTP/1.1");
            soft.assertThat(answer.status()).as(escape).isEqualTo(400);
            soft.assertThat(answer.header("X-Content-Type-Options")).as(escape).hasValue("nosniff");
            soft.assertThat(answer.body()).as(escape).doesNotContain("java.").doesNotContain("jakarta.")
                    .doesNotContain("com.solduel").doesNotContain("com.ibm").doesNotContain("\tat ");
            System.out.println("RestEdgeIT: path with " + escape + " → " + answer);
        }
        soft.assertAll();
    }

    @Test
    void aVeryLongPathIsRefusedWithoutInternals() {
        RawHttp.Answer answer = RawHttp.send(PORT, "GET /api/players/" + "a".repeat(70_000) + " HTTP/1.1");
        assertThat(answer.status()).isBetween(400, 431);
        assertThat(answer.body()).doesNotContain("java.").doesNotContain("\tat ");
        System.out.println("RestEdgeIT: a 70 KB path → " + answer);
    }

    @Test
    void securityHeadersOnEveryAnswer() {
        SoftAssertions soft = new SoftAssertions();
        var players = TestEnvironment.get("/api/players");
        soft.assertThat(players.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        soft.assertThat(players.headers().firstValue("Cache-Control")).as("a public list may be cached").isEmpty();
        var missing = TestEnvironment.get("/no-such-page");
        soft.assertThat(missing.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        var nonce = TestEnvironment.post("/api/auth/nonce", "{\"wallet\":\"" + TestWallet.random().address() + "\"}");
        soft.assertThat(nonce.headers().firstValue("Cache-Control")).hasValue("no-store");
        String token = TestWallet.random().signIn();
        var me = TestEnvironment.send(HttpRequest.newBuilder(URI.create(TestEnvironment.BASE_URL + "/api/me"))
                .header("Authorization", "Bearer " + token).GET());
        soft.assertThat(me.statusCode()).isEqualTo(200);
        soft.assertThat(me.headers().firstValue("Cache-Control")).hasValue("no-store");
        soft.assertThat(players.headers().firstValue("Strict-Transport-Security")).as("no HSTS over plain HTTP").isEmpty();
        RawHttp.Answer overTls = RawHttp.send(LibertyNode.a().httpsPort(), "GET /api/players HTTP/1.1", "", true);
        soft.assertThat(overTls.status()).isEqualTo(200);
        soft.assertThat(overTls.header("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).startsWith("max-age="));
        soft.assertThat(overTls.header("X-Content-Type-Options")).hasValue("nosniff");
        soft.assertAll();
    }

    @Test
    void corsAllowsOnlyTheConfiguredOrigins() {
        SoftAssertions soft = new SoftAssertions();
        RawHttp.Answer preflight = RawHttp.send(PORT, "OPTIONS /api/games HTTP/1.1\r\nOrigin: http://localhost:9080\r\n"
                + "Access-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: authorization, content-type");
        soft.assertThat(preflight.status()).isEqualTo(204);
        soft.assertThat(preflight.header("Access-Control-Allow-Origin")).hasValue("http://localhost:9080");
        soft.assertThat(preflight.header("Access-Control-Allow-Methods")).hasValueSatisfying(v -> assertThat(v).contains("POST"));
        soft.assertThat(preflight.header("Access-Control-Allow-Headers")).hasValueSatisfying(
                v -> assertThat(v).contains("Authorization").contains("Content-Type"));

        RawHttp.Answer refused = RawHttp.send(PORT, "OPTIONS /api/games HTTP/1.1\r\nOrigin: https://evil.example\r\n"
                + "Access-Control-Request-Method: POST");
        assertClean(soft, "preflight from another origin", refused, 403, "origin-not-allowed");
        soft.assertThat(refused.header("Access-Control-Allow-Origin")).isEmpty();

        RawHttp.Answer allowedGet = RawHttp.send(PORT, "GET /api/players HTTP/1.1\r\nOrigin: http://127.0.0.1:9080");
        soft.assertThat(allowedGet.header("Access-Control-Allow-Origin")).hasValue("http://127.0.0.1:9080");
        RawHttp.Answer otherGet = RawHttp.send(PORT, "GET /api/players HTTP/1.1\r\nOrigin: https://evil.example");
        soft.assertThat(otherGet.status()).isEqualTo(200);
        soft.assertThat(otherGet.header("Access-Control-Allow-Origin")).as("nothing for other origins").isEmpty();
        soft.assertAll();
    }

    /**
     * The test server's group it-probe allows a burst of 3 then one request per 10 s per address: slow
     * enough that no token comes back while the four probes are answered, however busy the machine.
     */
    @Test
    void aClientOverItsLimitGets429WithRetryAfterAndOthersDoNot() {
        String flooder = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
        String bystander = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
        SoftAssertions soft = new SoftAssertions();
        for (int i = 0; i < 3; i++) {
            soft.assertThat(probe(flooder).status()).as("request %d of the burst", i).isEqualTo(404);
        }
        RawHttp.Answer limited = probe(flooder);
        assertClean(soft, "over the limit", limited, 429, "rate-limited");
        soft.assertThat(limited.header("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 10L));
        soft.assertThat(probe(bystander).status()).as("another address has its own bucket").isEqualTo(404);
        RawHttp.Answer spoofed = RawHttp.send(PORT, "GET /api/rate-limit-probe HTTP/1.1\r\nX-Forwarded-For: " + flooder
                + ", " + bystander);
        soft.assertThat(spoofed.status()).as("the nearest hop counts, not what a client prepends").isEqualTo(404);
        soft.assertAll();
    }

    private static RawHttp.Answer probe(String client) {
        return RawHttp.send(PORT, "GET /api/rate-limit-probe HTTP/1.1\r\nX-Forwarded-For: " + client);
    }
}
