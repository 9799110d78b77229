package com.solduel.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document a client generates its code from is complete: every operation has a summary,
 * real request and response schemas, problem details for every error, and the statuses the code
 * really answers. (web-api's {@code ResourceDocumentationTest} checks that every resource method carries
 * the annotations this document is generated from.)
 */
class OpenApiIT {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");
    /** Every operation of the API; a new one must be added here and documented. */
    private static final Set<String> OPERATIONS = Set.of(
            "post /api/auth/nonce", "post /api/auth/verify", "post /api/games", "post /api/games/join",
            "get /api/games/{id}", "get /api/games/{id}/export", "get /api/me", "get /api/players",
            "get /api/players/{wallet}", "get /api/wallets/{wallet}/balance", "get /api/players/{wallet}/games",
            "get /api/leaderboard", "post /api/admin/leaderboard/rebuild", "get /api/ping",
            "put /api/admin/players/{wallet}/ban", "delete /api/admin/players/{wallet}/ban",
            "post /api/matchmaking/queue", "get /api/matchmaking/queue", "delete /api/matchmaking/queue",
            "get /api/games/{id}/deposits", "post /api/games/{id}/deposits", "get /api/vault", "get /api/client-config",
            "get /api/admin/payouts", "post /api/admin/payouts/{id}/retry", "get /api/admin/jobs", "post /api/admin/jobs/{name}",
            "get /api/admin/reconciliation", "post /api/admin/reconciliation/run",
            "get /api/admin/audit", "get /api/admin/games", "get /api/admin/games/{id}", "post /api/admin/games/{id}/abort",
            "get /api/admin/players", "get /api/admin/summary");
    private static final Set<String> PROTECTED = Set.of("post /api/games", "post /api/games/join", "get /api/me",
            "post /api/admin/leaderboard/rebuild",
            "put /api/admin/players/{wallet}/ban", "delete /api/admin/players/{wallet}/ban",
            "post /api/matchmaking/queue", "get /api/matchmaking/queue", "delete /api/matchmaking/queue",
            "get /api/games/{id}/deposits", "post /api/games/{id}/deposits",
            "get /api/admin/payouts", "post /api/admin/payouts/{id}/retry", "get /api/admin/jobs", "post /api/admin/jobs/{name}",
            "get /api/admin/reconciliation", "post /api/admin/reconciliation/run",
            "get /api/admin/audit", "get /api/admin/games", "get /api/admin/games/{id}", "post /api/admin/games/{id}/abort",
            "get /api/admin/players", "get /api/admin/summary");
    /** Operations that take no request body although their method could carry one. */
    private static final Set<String> BODILESS = Set.of("post /api/admin/leaderboard/rebuild", "post /api/admin/payouts/{id}/retry",
            "post /api/admin/jobs/{name}", "post /api/admin/reconciliation/run");

    private static JsonObject document;

    @BeforeAll
    static void fetch() throws Exception {
        var response = TestEnvironment.get("/openapi?format=JSON");
        assertThat(response.statusCode()).isEqualTo(200);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi.json"), response.body());
        document = TestEnvironment.json(response);
    }

    @Test
    void documentsExactlyTheApisOperations() {
        assertThat(operations().keySet()).containsExactlyInAnyOrderElementsOf(OPERATIONS);
    }

    @Test
    void everyOperationHasASummaryAndAtLeastOneSuccessWithAnExample() {
        operations().forEach((name, op) -> {
            assertThat(op.getString("summary", "")).as(name + " summary").isNotBlank();
            JsonObject responses = op.getJsonObject("responses");
            assertThat(responses.keySet()).as(name + " statuses").anyMatch(s -> s.startsWith("2"));
            for (String status : responses.keySet()) {
                if (status.equals("204")) {
                    assertThat(responses.getJsonObject(status).containsKey("content")).as(name + " 204 has no body").isFalse();
                } else if (status.startsWith("2")) {
                    JsonObject json = responses.getJsonObject(status).getJsonObject("content").getJsonObject("application/json");
                    assertThat(json).as(name + " " + status + " application/json").isNotNull();
                    assertObjectWithProperties(name + " " + status, json.getJsonObject("schema"), 0);
                    assertThat(json.containsKey("examples") || json.containsKey("example")).as(name + " " + status + " example").isTrue();
                }
            }
        });
    }

    @Test
    void everyRequestBodyHasARealSchemaAndAnExample() {
        operations().forEach((name, op) -> {
            if (!op.containsKey("requestBody")) {
                assertThat(name.startsWith("get ") || name.startsWith("delete ") || BODILESS.contains(name))
                        .as(name + ": an operation without a body").isTrue();
                return;
            }
            JsonObject json = op.getJsonObject("requestBody").getJsonObject("content").getJsonObject("application/json");
            assertThat(json).as(name + " request application/json").isNotNull();
            assertObjectWithProperties(name + " request", json.getJsonObject("schema"), 0);
            assertThat(json.containsKey("examples") || json.containsKey("example")).as(name + " request example").isTrue();
            assertThat(resolve(json.getJsonObject("schema")).getJsonArray("required")).as(name + " required fields").isNotEmpty();
        });
    }

    @Test
    void everyErrorIsAProblemWithItsCodesDescribed() {
        operations().forEach((name, op) -> op.getJsonObject("responses").forEach((status, value) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                JsonObject response = value.asJsonObject();
                JsonObject problem = response.getJsonObject("content").getJsonObject("application/problem+json");
                assertThat(problem).as(name + " " + status + " problem+json").isNotNull();
                assertThat(problem.getJsonObject("schema").getString("$ref")).as(name + " " + status)
                        .isEqualTo("#/components/schemas/Problem");
                assertThat(response.getString("description")).as(name + " " + status + " names its codes").contains("`");
            }
        }));
        JsonObject problem = schemas().getJsonObject("Problem").getJsonObject("properties");
        assertThat(problem.keySet()).contains("type", "title", "status", "detail", "code", "violations");
    }

    @Test
    void statusesAreTheOnesTheCodeAnswers() {
        var ops = operations();
        assertThat(statuses(ops.get("post /api/games"))).contains("201", "400", "401", "409", "429").doesNotContain("200");
        assertThat(statuses(ops.get("get /api/games/{id}/export"))).contains("200", "400", "404", "409");
        assertThat(description(ops.get("get /api/games/{id}/export"), "409")).contains("game-not-finished");
        assertThat(statuses(ops.get("post /api/auth/nonce"))).contains("200", "400", "413", "415", "429");
        assertThat(description(ops.get("post /api/auth/nonce"), "429")).contains("rate-limited", "too-many-sign-in-requests");
        assertThat(description(ops.get("post /api/games/join"), "409"))
                .contains("own-game", "game-already-started", "challenge-expired");
        assertThat(description(ops.get("post /api/games/join"), "503")).contains("no-capacity");
        assertThat(description(ops.get("get /api/wallets/{wallet}/balance"), "503")).contains("solana-unavailable");
        assertThat(description(ops.get("post /api/games"), "400")).contains("invalid-number", "invalid-wager");
        assertThat(description(ops.get("post /api/games"), "403")).contains("player-banned");
        assertThat(description(ops.get("post /api/games/join"), "403")).contains("player-banned");
        assertThat(description(ops.get("post /api/auth/verify"), "403")).contains("player-banned");
        assertThat(statuses(ops.get("put /api/admin/players/{wallet}/ban"))).contains("200", "400", "401", "403", "404");
        assertThat(statuses(ops.get("delete /api/admin/players/{wallet}/ban"))).contains("204", "401", "403", "404");
        assertThat(statuses(ops.get("get /api/leaderboard"))).contains("200", "400", "404", "429");
        assertThat(description(ops.get("get /api/leaderboard"), "404")).contains("not-ranked");
        assertThat(statuses(ops.get("post /api/admin/leaderboard/rebuild"))).contains("200", "401", "403", "503");
        assertThat(statuses(ops.get("get /api/players/{wallet}/games"))).contains("200", "400", "404");
        assertThat(statuses(ops.get("post /api/matchmaking/queue"))).contains("201", "400", "401", "403", "409", "503")
                .doesNotContain("200");
        assertThat(description(ops.get("post /api/matchmaking/queue"), "409")).contains("already-queued", "already-in-game");
        assertThat(description(ops.get("post /api/matchmaking/queue"), "403")).contains("player-banned");
        assertThat(description(ops.get("post /api/matchmaking/queue"), "400")).contains("wager-not-offered");
        assertThat(ops.get("post /api/matchmaking/queue").getString("description"))
                .as("wagered queues and what a wagered match is").contains("solduel.matchmaking.wagers", "AWAITING_DEPOSITS");
        assertThat(statuses(ops.get("delete /api/matchmaking/queue"))).contains("204", "404", "409");
        assertThat(statuses(ops.get("get /api/matchmaking/queue"))).contains("200", "404");
        assertThat(description(ops.get("post /api/games/{id}/deposits"), "422")).contains("deposit-wrong-amount",
                "deposit-wrong-memo", "deposit-wrong-destination", "deposit-not-from-your-wallet", "deposit-transaction-failed");
        assertThat(description(ops.get("post /api/games/{id}/deposits"), "409")).contains("deposit-not-confirmed",
                "deposit-already-credited", "deposit-deadline-passed");
        assertThat(description(ops.get("get /api/vault"), "503")).contains("vault-unavailable");
        assertThat(statuses(ops.get("post /api/admin/payouts/{id}/retry"))).contains("200", "401", "403", "404", "409");
        assertThat(description(ops.get("post /api/admin/payouts/{id}/retry"), "409")).contains("payout-not-failed");
        assertThat(statuses(ops.get("post /api/admin/games/{id}/abort"))).contains("200", "400", "401", "403", "404", "409");
        assertThat(description(ops.get("post /api/admin/games/{id}/abort"), "409")).contains("game-not-abortable");
        assertThat(description(ops.get("post /api/admin/games/{id}/abort"), "404")).contains("game-not-found");
        assertThat(statuses(ops.get("get /api/admin/audit"))).contains("200", "400", "401", "403");
        assertThat(schemas().getJsonObject("AuditEntry").getJsonObject("properties").keySet())
                .contains("id", "at", "actor", "action", "target", "reason", "before", "after");
    }

    @Test
    void protectedOperationsNeedTheJwtAndAnswer401() {
        JsonObject scheme = document.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("jwt");
        assertThat(scheme.getString("type")).isEqualTo("http");
        assertThat(scheme.getString("scheme")).isEqualTo("bearer");
        operations().forEach((name, op) -> {
            boolean needsJwt = op.containsKey("security") && op.getJsonArray("security").stream()
                    .anyMatch(s -> s.asJsonObject().containsKey("jwt"));
            assertThat(needsJwt).as(name + " security jwt").isEqualTo(PROTECTED.contains(name));
            assertThat(statuses(op).contains("401")).as(name + " 401").isEqualTo(PROTECTED.contains(name) || name.equals("post /api/auth/verify"));
        });
    }

    @Test
    void requestFieldsCarryTheServersValidation() {
        JsonObject create = schemas().getJsonObject("CreateGameRequest").getJsonObject("properties");
        assertThat(create.getJsonObject("bestOf").getJsonArray("enum").toString()).isEqualTo("[1,3,5]");
        assertThat(create.getJsonObject("clientSeed").getInt("maxLength")).isEqualTo(64);
        JsonObject nonce = schemas().getJsonObject("NonceRequest").getJsonObject("properties").getJsonObject("wallet");
        assertThat(nonce.getInt("minLength")).isEqualTo(32);
        assertThat(nonce.getInt("maxLength")).isEqualTo(44);
        assertThat(nonce.getString("pattern")).contains("1-9A-HJ-NP-Za-km-z");
        assertThat(create.getJsonObject("rated").getString("type")).isEqualTo("boolean");
        JsonObject profile = schemas().getJsonObject("PlayerProfile").getJsonObject("properties");
        assertThat(profile.keySet()).contains("ratings", "ratingHistory", "gamesPlayed", "winRate", "totalEarnings");
        JsonObject summary = schemas().getJsonObject("GameSummary").getJsonObject("properties");
        assertThat(summary.keySet()).contains("gameId", "status", "players", "serverSeedSha256", "serverSeed");
    }

    private static void assertObjectWithProperties(String what, JsonObject schema, int depth) {
        assertThat(schema).as(what + " schema").isNotNull();
        JsonObject resolved = resolve(schema);
        if ("array".equals(resolved.getString("type", ""))) {
            assertObjectWithProperties(what + " items", resolved.getJsonObject("items"), depth + 1);
            return;
        }
        assertThat(resolved.getJsonObject("properties")).as(what + " properties of " + schema).isNotNull().isNotEmpty();
        resolved.getJsonObject("properties").forEach((field, property) -> {
            JsonObject p = property.asJsonObject();
            if (p.containsKey("$ref") && depth < 3) {
                assertObjectWithProperties(what + "." + field, p, depth + 1);
            }
        });
    }

    private static JsonObject resolve(JsonObject schema) {
        if (schema.containsKey("$ref")) {
            String ref = schema.getString("$ref");
            assertThat(ref).startsWith("#/components/schemas/");
            JsonObject target = schemas().getJsonObject(ref.substring("#/components/schemas/".length()));
            assertThat(target).as(ref + " resolves").isNotNull();
            return resolve(target);
        }
        return schema;
    }

    private static JsonObject schemas() {
        return document.getJsonObject("components").getJsonObject("schemas");
    }

    private static Map<String, JsonObject> operations() {
        Map<String, JsonObject> ops = new java.util.TreeMap<>();
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, op) -> {
            if (METHODS.contains(method)) {
                ops.put(method + " " + path, op.asJsonObject());
            }
        }));
        return ops;
    }

    private static Set<String> statuses(JsonObject op) {
        return op.getJsonObject("responses").keySet();
    }

    private static String description(JsonObject op, String status) {
        return op.getJsonObject("responses").getJsonObject(status).getString("description");
    }
}
