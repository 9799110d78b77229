package com.solduel.audit;

import jakarta.json.JsonValue;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One written row of the audit log; {@code before}/{@code after} are null when the action has no such state. */
@Schema(name = "AuditEntry", description = "One admin action: who, what, to what, when, why, and the state before and after",
        requiredProperties = {"id", "at", "actor", "action", "target"})
public record AuditEntry(
        @Schema(description = "The row's id; rows are numbered in the order they were written", example = "12") long id,
        @Schema(description = "When the action's transaction wrote it", format = "date-time", example = "2026-12-01T03:30:00Z")
        Instant at,
        @Schema(description = "The admin's wallet (the JWT's subject)", example = "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T")
        String actor,
        @Schema(description = "What was done", example = "PLAYER_BAN") AuditAction action,
        @Schema(description = "What it was done to: player:<wallet>, game:<id>, payout:<id>, job:<name>, leaderboards or "
                + "reconciliation", example = "player:7DqENGiswoZZ676APE6WQ6bogCjxMtF4mGHChtb8eTYt") String target,
        @Schema(description = "The reason the admin gave (bans, aborts); null otherwise", nullable = true,
                example = "chargeback fraud") String reason,
        @Schema(description = "The state before the action (e.g. the ban state, the payout, the game); null when the action "
                + "has none", type = SchemaType.OBJECT, nullable = true) JsonValue before,
        @Schema(description = "The state after the action (or what it started: an execution id, a run request)",
                type = SchemaType.OBJECT, nullable = true) JsonValue after) {
}
