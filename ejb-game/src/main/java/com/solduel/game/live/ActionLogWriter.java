package com.solduel.game.live;

import com.solduel.game.table.LeaseLostException;
import com.solduel.game.table.LogRow;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Group commit of the games' action rows: every game's thread hands its row here and waits; one
 * writer inserts whatever has gathered meanwhile, from any number of games, in one
 * multi-row INSERT and one commit, then wakes each waiter. An action is still durable before anyone
 * hears of it (its caller returns only after the commit), but a busy node pays one round trip and
 * one commit per batch instead of one JTA transaction per action. The writer is a thread of its
 * own; each batch is one INSERT statement in autocommit (one round trip, atomic and durable on return).
 *
 * <p>The database's rules hold row by row as before: the fencing trigger refuses a row of a stale
 * epoch, the unique (game, sequence) index a second row at one place. When a batch fails, its rows
 * are inserted again one by one, so only the refused row's game hears of the refusal.
 */
@ApplicationScoped
public class ActionLogWriter {

    private static final Logger LOG = Logger.getLogger(ActionLogWriter.class.getName());
    private static final String COLUMNS = "INSERT INTO game_actions (game_id, player_id, action_type, action_data, "
            + "sequence_number, timestamp, owner_epoch) VALUES ";
    private static final String ROW = "(?, ?, ?::action_type_enum, ?::jsonb, ?, ?, ?)";

    @Resource(lookup = "jdbc/solduel")
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    /** The most rows one INSERT carries. */
    @Inject
    @ConfigProperty(name = "solduel.games.group-commit.max-rows", defaultValue = "256")
    int maxRows;

    /** How long a game waits for its row's commit before it gives the game up (resync). */
    @Inject
    @ConfigProperty(name = "solduel.games.group-commit.wait-seconds", defaultValue = "30")
    int waitSeconds;

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile Thread writer;
    private volatile boolean stopping;

    /** One row waiting for its commit. */
    private record Pending(long gameId, long epoch, Integer playerId, String type, String data, int sequence,
                           Instant at, CompletableFuture<Void> done) {
    }

    /**
     * Appends one row under {@code epoch} and returns once it is committed; {@link LeaseLostException}
     * when another node has taken the game over, another runtime exception when it could not be saved.
     */
    public void append(long gameId, long epoch, Integer playerId, LogRow row) {
        Pending pending = new Pending(gameId, epoch, playerId, LogRowJson.type(row).name(), LogRowJson.data(row).toString(),
                row.sequence(), Instant.now(), new CompletableFuture<>());
        if (stopping) {
            throw new IllegalStateException("game " + gameId + ": the server is stopping; its action was not saved");
        }
        ensureWriter();
        queue.add(pending);
        try {
            pending.done().get(waitSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("game " + gameId + ": its action could not be saved", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("game " + gameId + ": its action was not saved within " + waitSeconds + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("game " + gameId + ": interrupted while its action was being saved", e);
        }
    }

    /*
     * The writer is a thread of its own (from the server's managed thread factory), never a task of
     * the shared executor: the games' threads that wait for their rows are executor threads, and a
     * writer queued behind them would wait for them while they wait for it. Letting the games'
     * threads take turns as the writer (leader and follower, no hand-off for a thread that finds no
     * batch in flight) was measured and not kept: no better at the SPEC's pace, and 20-23 % fewer
     * turns flat out, likely because each next batch waited until the thread woken to write it got
     * a core (tools/load/README.md, seventeenth pass).
     */
    private void ensureWriter() {
        if (writer == null) {
            synchronized (this) {
                if (writer == null && !stopping) {
                    Thread thread = threads.newThread(this::run);
                    thread.setName("solduel-action-log-writer");
                    thread.setDaemon(true);
                    thread.start();
                    writer = thread;
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        Thread thread = writer;
        if (thread != null) {
            thread.interrupt();
        }
        failAll(new IllegalStateException("the server is stopping"));
    }

    /** Takes the first waiting row, then everything queued meanwhile (up to maxRows), as one batch. */
    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (!stopping) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, Math.max(0, maxRows - 1));
                write(batch);
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException | Error e) {
                // The writer never dies: this batch is failed (its games resync), the next one is written.
                LOG.log(Level.SEVERE, "the action log writer failed a batch of " + batch.size() + " rows", e);
                batch.forEach(p -> p.done().completeExceptionally(new IllegalStateException("not saved: " + e, e)));
            } finally {
                batch.clear();
            }
        }
        failAll(new IllegalStateException("the server is stopping"));
    }

    private void failAll(RuntimeException why) {
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.done().completeExceptionally(why));
    }

    private void write(List<Pending> batch) {
        try {
            insertOnAWorkingConnection(batch);
            batch.forEach(p -> p.done().complete(null));
        } catch (SQLException e) {
            if (batch.size() == 1) {
                Pending only = batch.get(0);
                only.done().completeExceptionally(refusal(only, e));
                return;
            }
            LOG.log(Level.FINE, "a batch of " + batch.size() + " action rows failed; inserting them one by one", e);
            for (Pending one : batch) {
                write(List.of(one));
            }
        }
    }

    /**
     * The batch's INSERT, once more on another connection when the first one turned out to be
     * closed by the database (a restart, an administrator ending sessions): the pool drops a
     * connection that fails so, and the rows were not written. Had the INSERT landed before the
     * connection broke, the unique (game, sequence) index refuses it the second time, and those
     * games resync from what landed.
     */
    private void insertOnAWorkingConnection(List<Pending> batch) throws SQLException {
        try {
            insert(batch);
        } catch (SQLException e) {
            if (!brokenConnection(e)) {
                throw e;
            }
            LOG.log(Level.INFO, "the action log's database connection was closed (" + e.getMessage()
                    + "); writing the batch of " + batch.size() + " rows on another");
            insert(batch);
        }
    }

    /** A connection the database closed or could not be reached on (SQLSTATE class 08, or 57P01-57P03). */
    static boolean brokenConnection(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /*
     * One statement in autocommit: the multi-row INSERT is atomic on its own, and with PostgreSQL's
     * synchronous_commit it is durable when executeUpdate returns. A JTA transaction around it
     * cost a second round trip (the COMMIT) per batch, on the path every action waits for.
     */
    private void insert(List<Pending> batch) throws SQLException {
        StringBuilder sql = new StringBuilder(COLUMNS.length() + batch.size() * (ROW.length() + 2)).append(COLUMNS);
        for (int i = 0; i < batch.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(ROW);
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
                int i = 1;
                for (Pending p : batch) {
                    insert.setLong(i++, p.gameId());
                    if (p.playerId() == null) {
                        insert.setNull(i++, Types.INTEGER);
                    } else {
                        insert.setInt(i++, p.playerId());
                    }
                    insert.setString(i++, p.type());
                    insert.setString(i++, p.data());
                    insert.setInt(i++, p.sequence());
                    insert.setTimestamp(i++, Timestamp.from(p.at()));
                    insert.setLong(i++, p.epoch());
                }
                insert.executeUpdate();
            }
        }
    }

    private static RuntimeException refusal(Pending pending, SQLException e) {
        if (GameRecords.staleEpoch(e)) {
            return new LeaseLostException(pending.gameId(), pending.epoch());
        }
        return new IllegalStateException("game " + pending.gameId() + ": action " + pending.sequence() + " not saved ("
                + e.getMessage() + ")", e);
    }
}
