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
        assertThat(strings("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                + "AND table_name NOT LIKE 'databasechangelog%' ORDER BY table_name"))
                .containsExactly("admin_audit_log", "backups", "deposits", "game_actions", "games", "ledger_postings", "ledger_transfers", "payout_attempts",
                        "payouts", "player_ratings", "players", "rating_history",
                        "reconciliation_cursor", "reconciliation_items", "reconciliation_lease", "reconciliation_runs",
                        "restore_verifications", "scheduled_job_runs", "tournaments", "vault_scan_cursor", "vault_transactions");
    }

    @Test
    void everySeedColumnIsThereWithItsTypeNullabilityAndDefaultAndOnlyDocumentedColumnsFollow() throws SQLException {
        assertThat(columns("players")).containsExactly(
                "id integer NOT NULL nextval('players_id_seq'::regclass)",
                "wallet_address character varying(44) NOT NULL",
                "username character varying(32) NULL",
                "elo_rating integer NULL 1000",
                "wins integer NULL 0",
                "losses integer NULL 0",
                "total_earnings bigint NULL 0",
                "nft_profile_mint character varying(44) NULL",
                "created_at timestamp with time zone NULL CURRENT_TIMESTAMP",
                "updated_at timestamp with time zone NULL CURRENT_TIMESTAMP",
                // 005-ratings-and-matchmaking: a ban (SPEC §4)
                "banned_at timestamp with time zone NULL",
                "ban_reason character varying(200) NULL");
        assertThat(columns("games")).containsExactly(
                // 012-games-id-default: the id comes from the INSERT
                "id bigint NOT NULL nextval('games_id_seq'::regclass)",
                "player1_id integer NULL",
                "player2_id integer NULL",
                "status game_status_enum NOT NULL",
                "winner_id integer NULL",
                "wager_amount bigint NOT NULL",
                "start_time timestamp with time zone NULL",
                "end_time timestamp with time zone NULL",
                "game_type game_type_enum NOT NULL",
                "metadata jsonb NULL",
                "blockchain_tx_hash character varying(88) NULL",
                "created_at timestamp with time zone NULL CURRENT_TIMESTAMP",
                // 003-live-games: the private challenge and the provably-fair commitment
                "invite_code character varying(16) NULL",
                "server_seed_hash character(64) NULL",
                "server_seed character(64) NULL",
                // 004-game-ownership: the fencing epoch of the node that owns the game
                "owner_epoch bigint NOT NULL 0",
                // 005-ratings-and-matchmaking: whether the result moves ratings, the matchmaking pair
                "rated boolean NOT NULL true",
                "match_id character varying(40) NULL",
                // 006-ledger: when a wagered game awaiting deposits is cancelled
                "deposit_deadline timestamp with time zone NULL");
        // 006-ledger: the double-entry ledger, deposits credited from the chain, payouts owed (docs/money.md)
        assertThat(columns("ledger_transfers")).containsExactly(
                "id bigint NOT NULL nextval('ledger_transfers_id_seq'::regclass)",
                "kind character varying(16) NOT NULL",
                "game_id bigint NULL",
                "reference character varying(88) NULL",
                "idempotency_key character varying(160) NOT NULL",
                "created_at timestamp with time zone NOT NULL CURRENT_TIMESTAMP");
        assertThat(columns("ledger_postings")).containsExactly(
                "id bigint NOT NULL nextval('ledger_postings_id_seq'::regclass)",
                "transfer_id bigint NOT NULL",
                "account character varying(100) NOT NULL",
                "amount bigint NOT NULL");
        assertThat(columns("deposits")).containsExactly(
                "id bigint NOT NULL nextval('deposits_id_seq'::regclass)",
                "signature character varying(88) NOT NULL",
                "game_id bigint NOT NULL",
                "player_id integer NOT NULL",
                "lamports bigint NOT NULL",
                "slot bigint NOT NULL",
                "commitment character varying(16) NOT NULL",
                "transfer_id bigint NOT NULL",
                "credited_at timestamp with time zone NOT NULL CURRENT_TIMESTAMP");
        assertThat(columns("vault_scan_cursor")).containsExactly(
                "vault character varying(44) NOT NULL",
                "last_signature character varying(88) NOT NULL",
                "updated_at timestamp with time zone NOT NULL CURRENT_TIMESTAMP");
        assertThat(columns("payouts")).containsExactly(
                "id bigint NOT NULL nextval('payouts_id_seq'::regclass)",
                "kind character varying(16) NOT NULL",
                "status character varying(16) NOT NULL 'PENDING'::character varying",
                "reason character varying(32) NOT NULL",
                "game_id bigint NOT NULL",
                "player_id integer NOT NULL",
                "destination character varying(44) NOT NULL",
                "lamports bigint NOT NULL",
                "idempotency_key character varying(160) NOT NULL",
                "signature character varying(88) NULL",
                "blockhash character varying(44) NULL",
                "last_valid_block_height bigint NULL",
                "created_at timestamp with time zone NOT NULL CURRENT_TIMESTAMP",
                "updated_at timestamp with time zone NOT NULL CURRENT_TIMESTAMP",
                // 007-payout-attempts: the payouts job's current attempt, outcome and claim (docs/payouts.md)
                "signed_transaction text NULL",
                "attempts integer NOT NULL 0",
                "last_error character varying(300) NULL",
                "network_fee bigint NULL",
                "slot bigint NULL",
                "confirmed_at timestamp with time zone NULL",
                "claimed_by character varying(64) NULL",
                "claimed_until timestamp with time zone NULL");
        assertThat(columns("player_ratings")).containsExactly(
                "player_id integer NOT NULL",
                "game_type game_type_enum NOT NULL",
                "rating integer NOT NULL 1000",
                "rated_games integer NOT NULL 0",
                "wins integer NOT NULL 0",
                "losses integer NOT NULL 0",
                "draws integer NOT NULL 0",
                "updated_at timestamp with time zone NOT NULL CURRENT_TIMESTAMP");
        assertThat(columns("rating_history")).containsExactly(
                "id bigint NOT NULL nextval('rating_history_id_seq'::regclass)",
                "player_id integer NOT NULL",
                "game_id bigint NOT NULL",
                "game_type game_type_enum NOT NULL",
                "rating_before integer NOT NULL",
                "rating_after integer NOT NULL",
                "recorded_at timestamp with time zone NOT NULL CURRENT_TIMESTAMP");
        assertThat(columns("game_actions")).containsExactly(
                "id integer NOT NULL nextval('game_actions_id_seq'::regclass)",
                "game_id bigint NULL",
                "player_id integer NULL",
                "action_type action_type_enum NOT NULL",
                "action_data jsonb NOT NULL",
                "sequence_number integer NOT NULL",
                "timestamp timestamp with time zone NULL CURRENT_TIMESTAMP",
                // 004-game-ownership: the epoch the row was written under (checked by a trigger)
                "owner_epoch bigint NULL");
        // 010-admin-audit: the append-only audit log of admin actions (docs/admin.md)
        assertThat(columns("admin_audit_log")).containsExactly(
                "id bigint NOT NULL nextval('admin_audit_log_id_seq'::regclass)",
                "at timestamp with time zone NOT NULL CURRENT_TIMESTAMP",
                "actor character varying(44) NOT NULL",
                "action character varying(32) NOT NULL",
                "target character varying(100) NOT NULL",
                "reason character varying(200) NULL",
                "before jsonb NULL",
                "after jsonb NULL");
        assertThat(strings("SELECT tgname FROM pg_trigger WHERE tgrelid = 'public.admin_audit_log'::regclass AND NOT tgisinternal "
                + "ORDER BY tgname")).as("the append-only guard").containsExactly("admin_audit_log_append_only", "admin_audit_log_no_truncate");
        assertThat(columns("tournaments")).containsExactly(
                "id integer NOT NULL nextval('tournaments_id_seq'::regclass)",
                "name character varying(100) NOT NULL",
                "organizer_id integer NULL",
                "entry_fee bigint NOT NULL",
                "prize_pool bigint NOT NULL",
                "max_participants integer NOT NULL",
                "status tournament_status_enum NOT NULL",
                "start_time timestamp with time zone NULL",
                "registration_deadline timestamp with time zone NULL",
                "bracket_data jsonb NULL",
                "created_at timestamp with time zone NULL CURRENT_TIMESTAMP");
        assertThat(strings("SELECT conrelid::regclass || ' ' || pg_get_constraintdef(oid) FROM pg_constraint "
                + "WHERE contype = 'f' AND connamespace = 'public'::regnamespace ORDER BY 1"))
                .as("the foreign keys").containsExactly(
                        "deposits FOREIGN KEY (game_id) REFERENCES games(id)",
                        "deposits FOREIGN KEY (player_id) REFERENCES players(id)",
                        "deposits FOREIGN KEY (transfer_id) REFERENCES ledger_transfers(id)",
                        "game_actions FOREIGN KEY (game_id) REFERENCES games(id)",
                        "game_actions FOREIGN KEY (player_id) REFERENCES players(id)",
                        "games FOREIGN KEY (player1_id) REFERENCES players(id)",
                        "games FOREIGN KEY (player2_id) REFERENCES players(id)",
                        "games FOREIGN KEY (winner_id) REFERENCES players(id)",
                        "ledger_postings FOREIGN KEY (transfer_id) REFERENCES ledger_transfers(id)",
                        "ledger_transfers FOREIGN KEY (game_id) REFERENCES games(id)",
                        "payout_attempts FOREIGN KEY (payout_id) REFERENCES payouts(id)",
                        "payouts FOREIGN KEY (game_id) REFERENCES games(id)",
                        "payouts FOREIGN KEY (player_id) REFERENCES players(id)",
                        "player_ratings FOREIGN KEY (player_id) REFERENCES players(id)",
                        "rating_history FOREIGN KEY (game_id) REFERENCES games(id)",
                        "rating_history FOREIGN KEY (player_id) REFERENCES players(id)",
                        "restore_verifications FOREIGN KEY (backup_id) REFERENCES backups(id)",
                        "tournaments FOREIGN KEY (organizer_id) REFERENCES players(id)");
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
        assertThat(enums).isEqualTo(Map.of(
                "game_status_enum", List.of("CREATED", "AWAITING_DEPOSITS", "IN_PROGRESS", "COMPLETED", "CANCELLED", "ABORTED"),
                "game_type_enum", List.of("DUEL", "RPS"),
                "action_type_enum", List.of("JOIN", "MOVE", "TIMEOUT_MOVE", "FORFEIT", "RESIGN"),
                "tournament_status_enum", List.of("REGISTRATION", "IN_PROGRESS", "COMPLETED", "CANCELLED")));
    }

    /** Each column as "name type NULL|NOT NULL [default]", in table order. */
    private static List<String> columns(String table) throws SQLException {
        return strings("SELECT a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' "
                + "|| CASE WHEN a.attnotnull THEN 'NOT NULL' ELSE 'NULL' END "
                + "|| coalesce(' ' || pg_get_expr(d.adbin, d.adrelid), '') "
                + "FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                + "WHERE a.attrelid = 'public." + table + "'::regclass AND a.attnum > 0 AND NOT a.attisdropped "
                + "ORDER BY a.attnum");
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

    /**
     * 011-hot-path-indexes: partial indexes for what every node asks all the time (the games in
     * progress, a player's open challenges). The queries write the status out, so each plan can use them.
     */
    @Test
    void theQueriesEveryNodeRunsAllTheTimeHavePartialIndexes() throws SQLException {
        assertThat(strings("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'"))
                .contains(
                        "CREATE INDEX idx_games_in_progress ON public.games USING btree (id) "
                                + "WHERE (status = 'IN_PROGRESS'::game_status_enum)",
                        "CREATE INDEX idx_games_open_challenges ON public.games USING btree (player1_id) "
                                + "WHERE ((status = 'CREATED'::game_status_enum) AND (player2_id IS NULL))");
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
