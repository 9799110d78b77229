package com.solduel.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The application deployed and Liquibase created the seed schema, exactly. */
class SchemaIT {

    @Test
    void applicationIsStartedAndReady() {
        assertThat(TestEnvironment.get("/health/started").statusCode()).isEqualTo(200);
        assertThat(TestEnvironment.get("/health/ready").statusCode()).isEqualTo(200);
        assertThat(TestEnvironment.get("/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void seedProbePathsAnswerToo() {
        assertThat(TestEnvironment.get("/health").statusCode()).isEqualTo(200);
        var ready = TestEnvironment.get("/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(TestEnvironment.json(ready).getString("status")).isEqualTo("UP");
    }

    @Test
    void liquibaseCreatedEverySeedTable() throws SQLException {
        assertThat(strings("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"))
                .contains("players", "games", "game_actions", "tournaments", "databasechangelog");
        assertThat(strings("SELECT column_name || ':' || data_type FROM information_schema.columns "
                + "WHERE table_name = 'games' ORDER BY ordinal_position"))
                .as("the seed's columns, in the seed's order; later changesets only add after them")
                .startsWith("id:bigint", "player1_id:integer", "player2_id:integer", "status:USER-DEFINED",
                        "winner_id:integer", "wager_amount:bigint", "start_time:timestamp with time zone",
                        "end_time:timestamp with time zone", "game_type:USER-DEFINED", "metadata:jsonb",
                        "blockchain_tx_hash:character varying", "created_at:timestamp with time zone");
    }

    @Test
    void theFourEnumsHaveTheSpecValues() throws SQLException {
        Map<String, List<String>> enums = new TreeMap<>();
        try (Connection db = TestEnvironment.database();
             ResultSet rs = db.createStatement().executeQuery("SELECT t.typname, e.enumlabel FROM pg_type t "
                     + "JOIN pg_enum e ON e.enumtypid = t.oid ORDER BY t.typname, e.enumsortorder")) {
            while (rs.next()) {
                enums.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        assertThat(enums).containsEntry("game_status_enum",
                List.of("CREATED", "AWAITING_DEPOSITS", "IN_PROGRESS", "COMPLETED", "CANCELLED", "ABORTED"));
        assertThat(enums).containsEntry("game_type_enum", List.of("DUEL", "RPS"));
        assertThat(enums).containsKey("action_type_enum");
        assertThat(enums).containsEntry("tournament_status_enum",
                List.of("REGISTRATION", "IN_PROGRESS", "COMPLETED", "CANCELLED"));
    }

    @Test
    void everySeedIndexExists() throws SQLException {
        assertThat(strings("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'"))
                .contains(
                        "CREATE INDEX idx_players_wallet_address ON public.players USING btree (wallet_address)",
                        "CREATE INDEX idx_players_elo_rating ON public.players USING btree (elo_rating DESC)",
                        "CREATE INDEX idx_games_status ON public.games USING btree (status)",
                        "CREATE INDEX idx_games_start_time ON public.games USING btree (start_time DESC)",
                        "CREATE INDEX idx_game_actions_game_id_sequence ON public.game_actions USING btree (game_id, sequence_number)",
                        "CREATE UNIQUE INDEX game_actions_game_id_sequence_number_key ON public.game_actions USING btree (game_id, sequence_number)");
    }

    @Test
    void demoPlayersAreNotInTheTestDatabase() throws SQLException {
        assertThat(strings("SELECT username FROM players WHERE username LIKE 'demo\\_%'")).isEmpty();
    }

    static List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection db = TestEnvironment.database(); ResultSet rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
