package com.solduel.infra.db;

import com.solduel.shared.SolDuelException;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Tells a database outage (no connection, a connection cut, a database refusing connections)
 * from any other failure, and turns it into {@link DatabaseUnavailableException}: a 503 problem
 * for the caller instead of a 500, and one warning a minute in the log instead of a stack trace
 * per request. Bound to every EJB of ejb-game as a default interceptor (ejb-jar.xml); web-api's
 * problem mapper asks {@link #isOutage} for failures that come from elsewhere.
 */
public class DatabaseOutages {

    private static final Logger LOG = Logger.getLogger(DatabaseOutages.class.getName());
    private static final long REPORT_EVERY_NANOS = 60_000_000_000L;
    private static final AtomicLong LAST_REPORT = new AtomicLong(System.nanoTime() - 2 * REPORT_EVERY_NANOS);
    private static final AtomicLong UNREPORTED = new AtomicLong();
    private static final int MAX_DEPTH = 20;

    @AroundInvoke
    Object guard(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (SolDuelException known) {
            throw known;
        } catch (RuntimeException failure) {
            if (isOutage(failure)) {
                throw unavailable(failure);
            }
            throw failure;
        }
    }

    /** The caller's answer for an outage, logged at most once a minute with the cause's first line. */
    public static DatabaseUnavailableException unavailable(Throwable failure) {
        long now = System.nanoTime();
        long last = LAST_REPORT.get();
        if (now - last >= REPORT_EVERY_NANOS && LAST_REPORT.compareAndSet(last, now)) {
            long quiet = UNREPORTED.getAndSet(0);
            LOG.warning(() -> "PostgreSQL is unavailable; requests that need it answer 503 database-unavailable: "
                    + rootMessage(failure) + (quiet == 0 ? "" : " (" + quiet + " more since the last report)"));
        } else {
            UNREPORTED.incrementAndGet();
        }
        return new DatabaseUnavailableException();
    }

    /** True when {@code failure} was caused by the database being unreachable, not by the request. */
    public static boolean isOutage(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && isOutageState(sql.getSQLState(), sql.getMessage())) {
                return true;
            }
            String type = t.getClass().getName();
            if (type.equals("org.hibernate.exception.JDBCConnectionException") || type.startsWith("jakarta.resource.")
                    || type.startsWith("javax.resource.")) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && message.contains("Unable to acquire JDBC Connection")) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE classes of an unreachable database: 08 (connection exception), 57P (the server shut
     * down or cut the session, or cannot accept connections now), 53300 (too many connections),
     * and PostgreSQL's 55000 "database ... is not currently accepting connections".
     */
    static boolean isOutageState(String state, String message) {
        if (state == null) {
            return false;
        }
        return state.startsWith("08") || state.startsWith("57P") || state.equals("53300")
                || state.equals("55000") && message != null && message.contains("not currently accepting connections");
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && depth < MAX_DEPTH; depth++) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int line = message.indexOf('\n');
        return root.getClass().getSimpleName() + ": " + (line < 0 ? message : message.substring(0, line));
    }
}
