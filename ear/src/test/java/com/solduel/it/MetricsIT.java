package com.solduel.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What Prometheus scrapes from /metrics: the seed's five metrics with their exact names, types,
 * labels and buckets, and the series the alerting rules in ops/prometheus read, all present
 * before the first game or error.
 */
class MetricsIT {

    @Test
    void theSeedsMetricsAndEverySeriesTheAlertsReadAreThereWithTheirTypesAndLabels() {
        String metrics = scrape();
        assertType(metrics, "sol_duel_active_games_total", "gauge");
        assertType(metrics, "sol_duel_game_completions_total", "counter");
        for (String resultType : List.of("win", "draw", "forfeit")) {
            assertThat(metrics).as("completions of result_type %s", resultType)
                    .containsPattern("(?m)^sol_duel_game_completions_total\\{[^}]*result_type=\"" + resultType + "\"");
        }
        assertType(metrics, "sol_duel_game_duration_seconds", "histogram");
        for (String bucket : List.of("30", "60", "120", "300", "600", "1200", "\\+Inf")) {
            assertThat(metrics).as("duration bucket le=%s", bucket)
                    .containsPattern("(?m)^sol_duel_game_duration_seconds_bucket\\{[^}]*le=\"" + bucket + "(\\.0)?\"");
        }
        assertType(metrics, "sol_duel_blockchain_transactions_total", "counter");
        for (String type : List.of("payout", "refund")) {
            for (String status : List.of("submitted", "confirmed", "failed")) {
                assertThat(metrics).containsPattern("(?m)^sol_duel_blockchain_transactions_total\\{(?=[^}]*type=\"" + type
                        + "\")(?=[^}]*status=\"" + status + "\")");
            }
        }
        assertType(metrics, "sol_duel_payouts_pending", "gauge");
        assertType(metrics, "sol_duel_payouts_failed", "gauge");
        assertType(metrics, "sol_duel_payout_latency_seconds", "histogram");
        assertThat(metrics).as("payout latency buckets")
                .containsPattern("(?m)^sol_duel_payout_latency_seconds_bucket\\{[^}]*le=\"60(\\.0)?\"");
        assertType(metrics, "sol_duel_action_processing_seconds", "histogram");
        for (String bucket : List.of("0.001", "0.02", "1", "\\+Inf")) {
            assertThat(metrics).as("action processing bucket le=%s", bucket)
                    .containsPattern("(?m)^sol_duel_action_processing_seconds_bucket\\{[^}]*le=\"" + bucket + "(\\.0)?\"");
        }
        assertType(metrics, "sol_duel_player_connections", "gauge");
        assertType(metrics, "sol_duel_player_connections_capacity", "gauge");
        assertThat(value(metrics, "sol_duel_player_connections_capacity", "")).isEqualTo(10_000);
        assertType(metrics, "sol_duel_game_capacity", "gauge");
        assertType(metrics, "http_requests_total", "counter");
        assertThat(metrics).containsPattern("(?m)^http_requests_total\\{[^}]*status=\"500\"");
        assertType(metrics, "sol_duel_matchmaking_queue_size", "gauge");
        assertType(metrics, "sol_duel_matchmaking_matches_total", "counter");
        assertType(metrics, "sol_duel_matchmaking_wait_seconds", "histogram");
        assertThat(metrics).as("time-to-match buckets of RPS:0:rated")
                .containsPattern("(?m)^sol_duel_matchmaking_wait_seconds_bucket\\{(?=[^}]*bucket=\"RPS:0:rated\")(?=[^}]*le=\"60(\\.0)?\")");
        assertType(metrics, "sol_duel_backup_last_success_timestamp_seconds", "gauge");
        assertType(metrics, "sol_duel_backup_last_size_bytes", "gauge");
        assertType(metrics, "sol_duel_restore_verify_last_success_timestamp_seconds", "gauge");
        assertType(metrics, "solana_rpc_endpoint_healthy", "gauge");
        assertType(metrics, "solana_rpc_breaker_open", "gauge");
    }

    @Test
    void everyRestAnswerIsCountedByItsStatus() {
        double before = value(scrape(), "http_requests_total", "status=\"404\"");
        String unknownWallet = TestWallet.random().address();
        assertThat(TestEnvironment.get("/api/players/" + unknownWallet).statusCode()).isEqualTo(404);
        assertThat(TestEnvironment.get("/api/players/" + unknownWallet).statusCode()).isEqualTo(404);
        assertThat(value(scrape(), "http_requests_total", "status=\"404\"")).isGreaterThanOrEqualTo(before + 2);
    }

    @Test
    void everyMetricTheAlertsAndTheDashboardReadExists() throws Exception {
        Path ops = Path.of(System.getProperty("user.dir")).getParent().resolve("ops");
        String rules = Files.readString(ops.resolve("prometheus/sol-duel.rules.yml"));
        String dashboard = Files.readString(ops.resolve("grafana/dashboards/sol-duel.json"));
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\b((?:sol_duel|solana_rpc|http_requests)_[a-z_]+)").matcher(rules + dashboard);
        while (m.find()) {
            names.add(m.group(1).replaceFirst("_(bucket|sum|count)$", ""));
        }
        assertThat(names).as("metrics named by the rules and the dashboard").hasSizeGreaterThan(8);
        String metrics = scrape();
        for (String name : names) {
            assertThat(metrics).as("%s on /metrics", name).containsPattern("(?m)^# TYPE " + name + " ");
        }
    }

    private static String scrape() {
        var answer = TestEnvironment.get("/metrics?scope=application");
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    private static void assertType(String metrics, String name, String type) {
        assertThat(metrics).as("# TYPE of %s", name).containsPattern("(?m)^# TYPE " + name + " " + type + "$");
    }

    /** The value of the first series of {@code name} whose labels contain {@code label} (0 when none). */
    private static double value(String metrics, String name, String label) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{([^}]*)} ([0-9.eE+-]+)$").matcher(metrics);
        while (m.find()) {
            if (m.group(1).contains(label)) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }
}
