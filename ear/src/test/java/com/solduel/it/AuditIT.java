package com.solduel.it;

import static com.solduel.it.SignInIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin audit log (issue 13) through the real server: each admin action is one row written with
 * the action (who, what, to what, why, before and after), a refused request writes none, and the
 * database refuses to change or remove a written row.
 */
class AuditIT {

    private static String admin;

    @BeforeAll
    static void signInTheAdmin() {
        admin = TestWallet.admin().signIn();
    }

    static HttpResponse<String> adminGet(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestEnvironment.BASE_URL + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return TestEnvironment.send(request);
    }

    static HttpResponse<String> ban(String wallet, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestEnvironment.BASE_URL + "/api/admin/players/" + wallet + "/ban"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return TestEnvironment.send(request);
    }

    static HttpResponse<String> unban(String wallet, String token) {
        return TestEnvironment.send(HttpRequest.newBuilder(URI.create(TestEnvironment.BASE_URL + "/api/admin/players/" + wallet + "/ban"))
                .header("Authorization", "Bearer " + token).DELETE());
    }

    /** How many audit rows there are now. */
    static long rows() {
        try {
            return Long.parseLong(SchemaIT.strings("SELECT COUNT(*) FROM admin_audit_log").get(0));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The newest audit rows on {@code target}, as the API answers them. */
    static List<JsonObject> auditOf(String target) {
        return auditOf(target, admin);
    }

    /** The newest audit rows on {@code target}, read with the admin token {@code token}. */
    static List<JsonObject> auditOf(String target, String token) {
        HttpResponse<String> page = adminGet("/api/admin/audit?target=" + target, token);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return TestEnvironment.json(page).getJsonArray("entries").getValuesAs(JsonObject.class);
    }

    @Test
    void aBanIsAuditedWithItsBeforeAndAfterClosesTheSocketAndTakesThePlayerOutOfTheQueue() throws Exception {
        TestWallet wallet = TestWallet.random();
        String token = wallet.signIn();
        HttpResponse<String> queued = GameApiIT.post("/api/matchmaking/queue", "{\"gameType\":\"DUEL\"}", token);
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(201);
        try (GameSocket socket = GameSocket.connect(token)) {
            HttpResponse<String> banned = ban(wallet.address(), "{\"reason\":\"multi-accounting, ticket 12\"}", admin);
            assertThat(banned.statusCode()).as(banned.body()).isEqualTo(200);
            assertThat(socket.awaitClose()).isEqualTo(new GameSocket.Closed(1008, "player-banned"));
        }
        TestEnvironment.await("the banned player's queue entry is removed", java.time.Duration.ofSeconds(5), () ->
                TestEnvironment.send(HttpRequest.newBuilder(URI.create(TestEnvironment.BASE_URL + "/api/matchmaking/queue"))
                        .header("Authorization", "Bearer " + token).GET()).statusCode() == 404);
        assertProblem(GameApiIT.post("/api/matchmaking/queue", "{\"gameType\":\"DUEL\"}", token), 403, "player-banned");

        List<JsonObject> rows = auditOf("player:" + wallet.address());
        assertThat(rows).hasSize(1);
        JsonObject row = rows.get(0);
        assertThat(row.getString("actor")).isEqualTo(TestWallet.admin().address());
        assertThat(row.getString("action")).isEqualTo("PLAYER_BAN");
        assertThat(row.getString("reason")).isEqualTo("multi-accounting, ticket 12");
        assertThat(row.getString("at")).isNotBlank();
        assertThat(row.getJsonObject("before").getBoolean("banned")).isFalse();
        assertThat(row.getJsonObject("after").getBoolean("banned")).isTrue();
        assertThat(row.getJsonObject("after").getString("reason")).isEqualTo("multi-accounting, ticket 12");

        assertThat(unban(wallet.address(), admin).statusCode()).isEqualTo(204);
        List<JsonObject> after = auditOf("player:" + wallet.address());
        assertThat(after).extracting(r -> r.getString("action")).containsExactly("PLAYER_UNBAN", "PLAYER_BAN");
        assertThat(after.get(0).getJsonObject("before").getBoolean("banned")).isTrue();
        assertThat(after.get(0).getJsonObject("after").getBoolean("banned")).isFalse();
        assertThat(after.get(0).getJsonNumber("id").longValue()).isGreaterThan(after.get(1).getJsonNumber("id").longValue());
    }

    @Test
    void aRefusedAdminRequestWritesNoAuditRow() {
        TestWallet player = TestWallet.random();
        String playerToken = player.signIn();
        long before = rows();
        assertProblem(ban(player.address(), "{\"reason\":\"\"}", admin), 400, "invalid-request");
        assertProblem(ban(player.address(), "{\"reason\":\"line\\nbreak\"}", admin), 400, "invalid-request");
        assertProblem(ban(player.address(), "not json", admin), 400, "malformed-body");
        assertProblem(ban(TestWallet.random().address(), "{\"reason\":\"nobody\"}", admin), 404, "player-not-found");
        assertProblem(ban(player.address(), "{\"reason\":\"not an admin\"}", playerToken), 403, "forbidden");
        assertThat(ban(player.address(), "{\"reason\":\"no token\"}", null).statusCode()).isEqualTo(401);
        assertProblem(GameApiIT.post("/api/admin/games/" + (Long.MAX_VALUE / 2) + "/abort", "{\"reason\":\"no such game\"}", admin),
                404, "game-not-found");
        assertProblem(GameApiIT.post("/api/admin/games/1/abort", "{\"reason\":\"   \"}", admin), 400, "invalid-request");
        assertProblem(GameApiIT.post("/api/admin/games/1/abort", "{\"reason\":\"x\"}", playerToken), 403, "forbidden");
        assertProblem(GameApiIT.post("/api/admin/payouts/" + (Long.MAX_VALUE / 2) + "/retry", "", admin), 404, "payout-not-found");
        assertProblem(GameApiIT.post("/api/admin/leaderboard/rebuild", "", playerToken), 403, "forbidden");
        assertProblem(adminGet("/api/admin/audit", playerToken), 403, "forbidden");
        assertProblem(adminGet("/api/admin/audit?action=DROP_TABLE", admin), 400, "invalid-request");
        assertThat(rows()).as("no refused request wrote a row").isEqualTo(before);
        assertThat(ban(player.address(), "{\"reason\":\"a real one\"}", admin).statusCode()).isEqualTo(200);
        assertThat(rows()).isEqualTo(before + 1);
    }

    @Test
    void theLeaderboardRebuildAndAReconciliationRequestAreAuditedAndTheLogPagesAndFilters() {
        long before = rows();
        HttpResponse<String> rebuilt = GameApiIT.post("/api/admin/leaderboard/rebuild", "", admin);
        assertThat(rebuilt.statusCode()).as(rebuilt.body()).isEqualTo(200);
        HttpResponse<String> requested = GameApiIT.post("/api/admin/reconciliation/run", "", admin);
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
        assertThat(rows()).isEqualTo(before + 2);

        JsonObject rebuild = TestEnvironment.json(adminGet("/api/admin/audit?action=LEADERBOARD_REBUILD&limit=1", admin))
                .getJsonArray("entries").getJsonObject(0);
        assertThat(rebuild.getString("target")).isEqualTo("leaderboards");
        assertThat(rebuild.getJsonObject("after").getJsonArray("boards")).isNotNull();
        assertThat(rebuild.containsKey("before") ? rebuild.get("before").getValueType() : jakarta.json.JsonValue.ValueType.NULL)
                .as("a rebuild has no state before").isEqualTo(jakarta.json.JsonValue.ValueType.NULL);
        JsonObject run = TestEnvironment.json(adminGet("/api/admin/audit?action=RECONCILIATION_RUN&actor="
                + TestWallet.admin().address() + "&limit=1", admin)).getJsonArray("entries").getJsonObject(0);
        assertThat(run.getString("target")).isEqualTo("reconciliation");
        assertThat(run.getJsonObject("after").getBoolean("requested")).isTrue();

        JsonObject first = TestEnvironment.json(adminGet("/api/admin/audit?limit=1", admin));
        assertThat(first.getJsonArray("entries")).hasSize(1);
        long newest = first.getJsonArray("entries").getJsonObject(0).getJsonNumber("id").longValue();
        assertThat(first.getJsonNumber("nextBefore").longValue()).isEqualTo(newest);
        JsonObject second = TestEnvironment.json(adminGet("/api/admin/audit?limit=1&before=" + newest, admin));
        assertThat(second.getJsonArray("entries").getJsonObject(0).getJsonNumber("id").longValue()).isLessThan(newest);
    }

    @Test
    void theAdminPortalIsServedWithAPolicyThatAllowsOnlyItsOwnScripts() {
        HttpResponse<String> page = TestEnvironment.get("/admin/");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v)
                .contains("script-src 'self'", "frame-ancestors 'none'", "default-src 'none'").doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.body()).contains("<script type=\"module\" src=\"app.js\"></script>")
                .doesNotContainPattern("<script>|<script type=\"module\">|\\son[a-z]+=\"");
        for (String asset : List.of("/admin/app.js", "/admin/api.js", "/admin/admin.css")) {
            HttpResponse<String> file = TestEnvironment.get(asset);
            assertThat(file.statusCode()).as(asset).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Security-Policy")).as(asset).isPresent();
        }
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAnAuditRow() throws Exception {
        assertThat(GameApiIT.post("/api/admin/leaderboard/rebuild", "", admin).statusCode()).isEqualTo(200);
        long before = rows();
        try (Connection db = TestEnvironment.database(); Statement sql = db.createStatement()) {
            for (String change : List.of("UPDATE admin_audit_log SET actor = 'someone else'",
                    "UPDATE admin_audit_log SET reason = 'rewritten' WHERE id = (SELECT max(id) FROM admin_audit_log)",
                    "DELETE FROM admin_audit_log", "TRUNCATE admin_audit_log")) {
                assertThatThrownBy(() -> sql.execute(change)).as(change).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("SDA01"))
                        .hasMessageContaining("append-only");
            }
        }
        assertThat(rows()).isEqualTo(before);
        assertThat(SchemaIT.strings("SELECT COUNT(*) FROM admin_audit_log WHERE actor = 'someone else' OR reason = 'rewritten'"))
                .containsExactly("0");
    }
}
