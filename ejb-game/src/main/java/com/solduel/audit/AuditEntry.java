package com.solduel.audit;

import jakarta.json.JsonValue;
import java.time.Instant;

/** One written row of the audit log; {@code before}/{@code after} are null when the action has no such state. */
public record AuditEntry(long id, Instant at, String actor, AuditAction action, String target, String reason,
                         JsonValue before, JsonValue after) {
}
