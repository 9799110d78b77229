package com.solduel.audit;

import com.solduel.infra.db.SqlValues;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Runs an admin action and writes its audit row in one JTA transaction: the state before, the
 * action, the state after, then the row. Anything that throws rolls the whole transaction back, so
 * a refused action leaves neither its effect nor a row. Actions whose effect lies outside
 * PostgreSQL (a batch job start, a Redis rebuild) run before the row is written: if the row cannot
 * be written the request fails although the effect happened, never the other way round.
 */
@Stateless
public class AdminAudit {

    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Logger LOG = Logger.getLogger(AdminAudit.class.getName());
    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final String COLUMNS = "id, at, actor, action, target, reason, before::text, after::text";

    @PersistenceContext(unitName = "solduel")
    EntityManager em;

    @Resource
    SessionContext context;

    /**
     * {@code before} (may answer null), then {@code action}, then {@code after} of its result
     * (may answer null), then the audit row; answers the action's result.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public <T> T perform(AdminAct act, Supplier<?> before, Supplier<T> action, Function<? super T, ?> after) {
        try {
            String stateBefore = json(before.get());
            T result = action.get();
            String stateAfter = json(after.apply(result));
            long id = ((Number) em.createNativeQuery("INSERT INTO admin_audit_log (actor, action, target, reason, before, after) "
                            + "VALUES (?1, ?2, ?3, CAST(?4 AS VARCHAR), CAST(CAST(?5 AS VARCHAR) AS jsonb), CAST(CAST(?6 AS VARCHAR) AS jsonb)) "
                            + "RETURNING id")
                    .setParameter(1, act.actor().value()).setParameter(2, act.action().name())
                    .setParameter(3, act.target()).setParameter(4, act.reason())
                    .setParameter(5, stateBefore).setParameter(6, stateAfter)
                    .getSingleResult()).longValue();
            LOG.info(() -> "audit " + id + ": admin " + act.actor().value() + " " + act.action() + " " + act.target()
                    + (act.reason() == null ? "" : ", reason: " + act.reason()));
            return result;
        } catch (RuntimeException refused) {
            // Also for application exceptions that do not roll back by themselves: a refusal writes nothing.
            context.setRollbackOnly();
            throw refused;
        }
    }

    /** A page of the log, newest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AuditEntry> page(AuditQuery query) {
        List<?> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM admin_audit_log "
                        + "WHERE (CAST(?1 AS VARCHAR) IS NULL OR actor = ?1) AND (CAST(?2 AS VARCHAR) IS NULL OR action = ?2) "
                        + "AND (CAST(?3 AS VARCHAR) IS NULL OR target = ?3) AND (CAST(?4 AS BIGINT) IS NULL OR id < ?4) "
                        + "ORDER BY id DESC LIMIT ?5")
                .setParameter(1, query.actor().orElse(null))
                .setParameter(2, query.action().map(Enum::name).orElse(null))
                .setParameter(3, query.target().orElse(null))
                .setParameter(4, query.beforeId().orElse(null))
                .setParameter(5, query.limit())
                .getResultList();
        return rows.stream().map(row -> entry((Object[]) row)).toList();
    }

    private static String json(Object state) {
        if (state == null) {
            return null;
        }
        if (state instanceof JsonValue value) {
            return value.toString();
        }
        return JSONB.toJson(state);
    }

    private static AuditEntry entry(Object[] row) {
        return new AuditEntry(((Number) row[0]).longValue(), SqlValues.instant(row[1]), (String) row[2],
                AuditAction.valueOf((String) row[3]), (String) row[4], (String) row[5], parse(row[6]), parse(row[7]));
    }

    private static JsonValue parse(Object text) {
        if (text == null) {
            return null;
        }
        try (var reader = JSON.createReader(new StringReader((String) text))) {
            return reader.readValue();
        }
    }
}
