package com.solduel.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The server vacuums and analyzes a table PostgreSQL's autovacuum leaves alone (here switched off
 * for one table, which holds whether the server's autovacuum is on or off), so its dead rows are
 * reclaimed and its statistics are fresh (TableUpkeep; the test server looks every 2 s, ear/pom.xml).
 */
class TableUpkeepIT {

    @Test
    void aTableAutovacuumLeavesAloneIsVacuumedAndAnalyzedByTheServer() throws SQLException {
        try (Connection db = TestEnvironment.database(); Statement sql = db.createStatement()) {
            // tournaments: a seed table nothing writes yet, so the rows counted here are the test's own.
            sql.execute("ALTER TABLE tournaments SET (autovacuum_enabled = off)");
            try {
                long vacuumsBefore = count(sql, "vacuum_count");
                long analyzesBefore = count(sql, "analyze_count");
                // 200 rows in and out: 200 dead rows and 400 changes, past autovacuum's thresholds
                // (50 plus 20 % and 10 % of the table's rows as last counted).
                sql.executeUpdate("INSERT INTO tournaments (name, entry_fee, prize_pool, max_participants, status) "
                        + "SELECT 'upkeep ' || i, 0, 0, 2, 'CANCELLED' FROM generate_series(1, 200) i");
                sql.executeUpdate("DELETE FROM tournaments WHERE name LIKE 'upkeep %'");

                TestEnvironment.await("the server vacuums and analyzes tournaments", Duration.ofSeconds(30),
                        () -> count(sql, "vacuum_count") > vacuumsBefore && count(sql, "analyze_count") > analyzesBefore);
                assertThat(count(sql, "n_dead_tup")).as("dead rows left after the server's vacuum").isZero();
                assertThat(count(sql, "n_mod_since_analyze")).as("changes since the server's analyze").isZero();
            } finally {
                sql.execute("ALTER TABLE tournaments RESET (autovacuum_enabled)");
            }
        }
    }

    /** One counter of {@code pg_stat_user_tables} for tournaments, as this session sees it now. */
    private static long count(Statement sql, String column) {
        try {
            // A session reads the statistics as they were at its first read in a transaction; in
            // autocommit each statement sees them afresh once this is cleared.
            sql.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet row = sql.executeQuery("SELECT " + column + " FROM pg_stat_user_tables WHERE relname = 'tournaments'")) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
