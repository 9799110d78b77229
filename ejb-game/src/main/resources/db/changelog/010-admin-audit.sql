--liquibase formatted sql

-- The admin audit log (SPEC §4, issue 13): one row per admin action that changed something (ban,
-- unban, payout retry, job start, leaderboard rebuild, reconciliation run, game abort), written in
-- the same transaction as the action, so an action that rolls back leaves no row and a row never
-- describes an action that did not happen. actor is the admin's wallet (the JWT's subject);
-- target names what was acted on ("player:<wallet>", "game:<id>", "payout:<id>", "job:<name>",
-- "leaderboards", "reconciliation"); before/after are the state around the action as JSON.
-- Append-only: the database refuses UPDATE, DELETE and TRUNCATE (SQLSTATE SDA01).

--changeset solduel:010-admin-audit-table
CREATE TABLE admin_audit_log (
    id BIGSERIAL PRIMARY KEY,
    at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    actor VARCHAR(44) NOT NULL,
    action VARCHAR(32) NOT NULL,
    target VARCHAR(100) NOT NULL,
    reason VARCHAR(200),
    before JSONB,
    after JSONB,
    CONSTRAINT admin_audit_log_action CHECK (action IN ('PLAYER_BAN', 'PLAYER_UNBAN', 'PAYOUT_RETRY', 'JOB_START',
        'LEADERBOARD_REBUILD', 'RECONCILIATION_RUN', 'GAME_ABORT'))
);
CREATE INDEX idx_admin_audit_log_actor ON admin_audit_log (actor, id DESC);
CREATE INDEX idx_admin_audit_log_target ON admin_audit_log (target, id DESC);
CREATE INDEX idx_admin_audit_log_action ON admin_audit_log (action, id DESC);
--rollback DROP TABLE admin_audit_log;

--changeset solduel:010-admin-audit-append-only splitStatements:false
CREATE FUNCTION admin_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the admin audit log is append-only: % on % is refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'SDA01';
END;
$$;
--rollback DROP FUNCTION admin_audit_append_only();

--changeset solduel:010-admin-audit-triggers
CREATE TRIGGER admin_audit_log_append_only BEFORE UPDATE OR DELETE ON admin_audit_log
    FOR EACH ROW EXECUTE FUNCTION admin_audit_append_only();
CREATE TRIGGER admin_audit_log_no_truncate BEFORE TRUNCATE ON admin_audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION admin_audit_append_only();
--rollback DROP TRIGGER admin_audit_log_no_truncate ON admin_audit_log; DROP TRIGGER admin_audit_log_append_only ON admin_audit_log;
