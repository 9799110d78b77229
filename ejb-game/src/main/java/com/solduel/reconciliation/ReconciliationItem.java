package com.solduel.reconciliation;

import java.time.Instant;

/** Something a run found that an operator must see; open while {@code resolvedAt} is null. */
public record ReconciliationItem(long id, ItemKind kind, String subject, String signature, Long lamports, String detail,
                                 Instant firstSeenAt, Instant lastSeenAt, Instant resolvedAt) {
}
