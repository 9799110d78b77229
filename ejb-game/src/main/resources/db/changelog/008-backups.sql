--liquibase formatted sql

-- Backups (docs/operations.md): the batch jobs backup and restore-verify (batch-jobs) record here what
-- Liberty's job repository (schema batch) does not: where each dump is, its size and SHA-256, and the
-- source's row counts and ledger sum at the dump's snapshot, which restore-verify compares a restored
-- copy with.

--changeset solduel:008-backups
CREATE TABLE backups (
    id BIGSERIAL PRIMARY KEY,
    execution_id BIGINT,
    -- RUNNING: being taken. OK: uploaded and read back with the same SHA-256. FAILED: not usable.
    -- DELETED: its object was removed by retention.
    status VARCHAR(16) NOT NULL,
    object_key VARCHAR(1024),
    size_bytes BIGINT,
    sha256 CHAR(64),
    -- {"rows": {"table": n, ...}, "ledgerSum": n, "ledgerAccounts": n, "ledgerBalancesMd5": "..."} at the dump's snapshot
    census TEXT,
    dump_millis BIGINT,
    upload_millis BIGINT,
    error VARCHAR(1000),
    started_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    finished_at TIMESTAMP WITH TIME ZONE,
    deleted_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT backups_status CHECK (status IN ('RUNNING', 'OK', 'FAILED', 'DELETED')),
    CONSTRAINT backups_ok_complete CHECK (status <> 'OK' OR (object_key IS NOT NULL AND size_bytes IS NOT NULL
        AND sha256 IS NOT NULL AND census IS NOT NULL AND finished_at IS NOT NULL))
);
CREATE INDEX idx_backups_ok ON backups (id) WHERE status = 'OK';

CREATE TABLE restore_verifications (
    id BIGSERIAL PRIMARY KEY,
    execution_id BIGINT,
    backup_id BIGINT REFERENCES backups (id),
    -- RUNNING, VERIFIED (restored and equal to the source at the backup's moment), FAILED
    status VARCHAR(16) NOT NULL,
    restore_millis BIGINT,
    detail VARCHAR(2000),
    started_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    finished_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT restore_verifications_status CHECK (status IN ('RUNNING', 'VERIFIED', 'FAILED'))
);

-- A scheduled run of a job (e.g. the daily backup at 02:00) is claimed by the first node whose timer
-- fires; the others see the row and leave it.
CREATE TABLE scheduled_job_runs (
    job_name VARCHAR(64) NOT NULL,
    scheduled_for TIMESTAMP WITH TIME ZONE NOT NULL,
    node_id VARCHAR(64) NOT NULL,
    claimed_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    PRIMARY KEY (job_name, scheduled_for)
);
--rollback DROP TABLE scheduled_job_runs; DROP TABLE restore_verifications; DROP TABLE backups;
