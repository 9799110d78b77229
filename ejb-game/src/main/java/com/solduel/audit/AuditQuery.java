package com.solduel.audit;

import java.util.Optional;

/**
 * A page of the audit log, newest first: rows with an id below {@code beforeId} (all when empty),
 * optionally only one actor's, one action's, or one target's.
 */
public record AuditQuery(Optional<String> actor, Optional<AuditAction> action, Optional<String> target,
                         Optional<Long> beforeId, int limit) {
}
