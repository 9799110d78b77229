package com.solduel.audit;

/** What an admin did: the values of {@code admin_audit_log.action}. */
public enum AuditAction {
    PLAYER_BAN,
    PLAYER_UNBAN,
    PAYOUT_RETRY,
    JOB_START,
    LEADERBOARD_REBUILD,
    RECONCILIATION_RUN,
    GAME_ABORT
}
