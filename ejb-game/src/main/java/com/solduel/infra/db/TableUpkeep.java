package com.solduel.infra.db;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Vacuums and analyzes the application's tables that PostgreSQL's autovacuum does not look after
 * (switched off for the whole server, or by a table's own {@code autovacuum_enabled = false}),
 * with autovacuum's own thresholds. Without it a game's row versions are never reclaimed and the
 * planner's statistics stay those of the day the table was small: a plan the server's connections
 * cached while {@code game_actions} was nearly empty (a sequential scan) was kept for the connection's life, and the
 * claim of each new game read the whole table, ever slower as games accumulated (issue 11,
 * tools/load/README.md, eighteenth pass). An {@code ANALYZE} makes every connection plan again.
 *
 * <p>Every node runs it; {@code SKIP_LOCKED} lets a node pass over a table another node (or an
 * administrator) is already vacuuming.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TableUpkeep {

    private static final Logger LOG = Logger.getLogger(TableUpkeep.class.getName());

    /*
     * Autovacuum's rules (PostgreSQL's "The Autovacuum Daemon"), with the server's own settings: a
     * table is vacuumed once its dead rows, or its rows inserted since the last vacuum, pass the
     * threshold plus the scale factor times its rows, and analyzed once its rows changed since the
     * last analyze do. A table never analyzed counts as empty (reltuples -1).
     */
    private static final String DUE = """
            SELECT format('%I.%I', s.schemaname, s.relname),
                   s.n_dead_tup > current_setting('autovacuum_vacuum_threshold')::float8
                       + current_setting('autovacuum_vacuum_scale_factor')::float8 * greatest(c.reltuples, 0)
                   OR s.n_ins_since_vacuum > current_setting('autovacuum_vacuum_insert_threshold')::float8
                       + current_setting('autovacuum_vacuum_insert_scale_factor')::float8 * greatest(c.reltuples, 0),
                   s.n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::float8
                       + current_setting('autovacuum_analyze_scale_factor')::float8 * greatest(c.reltuples, 0)
              FROM pg_stat_user_tables s
              JOIN pg_class c ON c.oid = s.relid
             WHERE s.schemaname = current_schema()
               AND (current_setting('autovacuum') = 'off'
                    OR EXISTS (SELECT 1 FROM pg_options_to_table(c.reloptions) o
                                WHERE o.option_name = 'autovacuum_enabled' AND NOT o.option_value::boolean))
             ORDER BY s.relname
            """;

    @Resource(lookup = "jdbc/solduel")
    DataSource dataSource;

    @Resource
    TimerService timers;

    /** How often a node looks for tables due; 0 switches the upkeep off. */
    @Inject
    @ConfigProperty(name = "solduel.db.upkeep-seconds")
    long everySeconds;

    @PostConstruct
    void start() {
        if (everySeconds > 0) {
            // Not persistent: a missed pass is simply the next one.
            timers.createIntervalTimer(everySeconds * 1000, everySeconds * 1000, new TimerConfig("table-upkeep", false));
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void pass() {
        try {
            List<String> done = upkeep();
            if (!done.isEmpty()) {
                LOG.info(() -> "autovacuum does not look after these tables, so the server did: " + String.join(", ", done));
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "vacuuming and analyzing the application's tables failed; retrying in "
                    + everySeconds + " s: " + e);
        }
    }

    /** Vacuums or analyzes every table due, and says what it did to which ("games vacuumed in 12 ms"). */
    List<String> upkeep() throws SQLException {
        List<String> done = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            // VACUUM cannot run inside a transaction block.
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            List<Due> due = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(DUE)) {
                while (rows.next()) {
                    if (rows.getBoolean(2) || rows.getBoolean(3)) {
                        due.add(new Due(rows.getString(1), rows.getBoolean(2)));
                    }
                }
            }
            for (Due table : due) {
                long started = System.nanoTime();
                try (Statement statement = connection.createStatement()) {
                    statement.execute(table.vacuum()
                            ? "VACUUM (ANALYZE, SKIP_LOCKED) " + table.name()
                            : "ANALYZE (SKIP_LOCKED) " + table.name());
                }
                done.add(table.name() + (table.vacuum() ? " vacuumed and analyzed" : " analyzed") + " in "
                        + (System.nanoTime() - started) / 1_000_000 + " ms");
            }
        }
        return done;
    }

    /** A table due for upkeep: a vacuum (with an analyze), or an analyze alone. */
    private record Due(String name, boolean vacuum) {
    }
}
