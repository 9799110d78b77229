--liquibase formatted sql

-- Payouts on-chain (docs/payouts.md): every signed transfer the vault ever made for a payout is an
-- attempt, recorded BEFORE it is sent; a payout holds its current attempt. A payout is re-signed
-- only once its current attempt is proven dead (its blockhash expired and its signature is not on
-- the chain), so a payout never has two transfers that can land.

--changeset solduel:007-payouts-states
ALTER TABLE payouts DROP CONSTRAINT payouts_status;
-- PENDING: no live attempt, to be signed. SIGNED: an attempt is recorded (maybe sent, maybe not).
-- SENT: the node accepted it. CONFIRMED: landed and succeeded. FAILED: refused or failed on-chain,
-- waits for an admin's retry.
ALTER TABLE payouts ADD CONSTRAINT payouts_status CHECK (status IN ('PENDING', 'SIGNED', 'SENT', 'CONFIRMED', 'FAILED'));
ALTER TABLE payouts ADD COLUMN signed_transaction TEXT;
ALTER TABLE payouts ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE payouts ADD COLUMN last_error VARCHAR(300);
ALTER TABLE payouts ADD COLUMN network_fee BIGINT;
ALTER TABLE payouts ADD COLUMN slot BIGINT;
ALTER TABLE payouts ADD COLUMN confirmed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE payouts ADD COLUMN claimed_by VARCHAR(64);
ALTER TABLE payouts ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE payouts ADD CONSTRAINT payouts_attempt_recorded CHECK (
    (status = 'PENDING' AND signature IS NULL) OR status = 'FAILED'
    OR (status IN ('SIGNED', 'SENT', 'CONFIRMED') AND signature IS NOT NULL AND blockhash IS NOT NULL
        AND last_valid_block_height IS NOT NULL));
DROP INDEX idx_payouts_pending;
CREATE INDEX idx_payouts_open ON payouts (id) WHERE status IN ('PENDING', 'SIGNED', 'SENT');
--rollback DROP INDEX idx_payouts_open; CREATE INDEX idx_payouts_pending ON payouts (id) WHERE status IN ('PENDING', 'SENT'); ALTER TABLE payouts DROP CONSTRAINT payouts_attempt_recorded; ALTER TABLE payouts DROP COLUMN claimed_until; ALTER TABLE payouts DROP COLUMN claimed_by; ALTER TABLE payouts DROP COLUMN confirmed_at; ALTER TABLE payouts DROP COLUMN slot; ALTER TABLE payouts DROP COLUMN network_fee; ALTER TABLE payouts DROP COLUMN last_error; ALTER TABLE payouts DROP COLUMN attempts; ALTER TABLE payouts DROP COLUMN signed_transaction; ALTER TABLE payouts DROP CONSTRAINT payouts_status; ALTER TABLE payouts ADD CONSTRAINT payouts_status CHECK (status IN ('PENDING', 'SENT', 'CONFIRMED', 'FAILED'));

--changeset solduel:007-payout-attempts
-- One row per signed transfer, written before the transfer leaves the server. outcome stays NULL
-- while the attempt may still land; LANDED (succeeded on-chain), FAILED_ON_CHAIN (landed with an
-- error: only the network fee moved), EXPIRED (blockhash expired and the signature is not on-chain:
-- it can never land), REFUSED (the node refused it at preflight; it is dead once expired too).
CREATE TABLE payout_attempts (
    id BIGSERIAL PRIMARY KEY,
    payout_id BIGINT NOT NULL REFERENCES payouts(id),
    attempt INTEGER NOT NULL,
    signature VARCHAR(88) NOT NULL,
    blockhash VARCHAR(44) NOT NULL,
    last_valid_block_height BIGINT NOT NULL,
    outcome VARCHAR(16),
    detail VARCHAR(300),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    decided_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT payout_attempts_signature_once UNIQUE (signature),
    CONSTRAINT payout_attempts_number_once UNIQUE (payout_id, attempt),
    CONSTRAINT payout_attempts_outcome CHECK (outcome IS NULL OR outcome IN ('LANDED', 'FAILED_ON_CHAIN', 'EXPIRED', 'REFUSED'))
);
-- At most one attempt of a payout can still land, and at most one landed.
CREATE UNIQUE INDEX payout_attempts_one_live ON payout_attempts (payout_id) WHERE outcome IS NULL OR outcome = 'REFUSED';
CREATE UNIQUE INDEX payout_attempts_one_landed ON payout_attempts (payout_id) WHERE outcome = 'LANDED';
--rollback DROP TABLE payout_attempts;

--changeset solduel:007-batch-schema
-- Liberty's Jakarta Batch job repository (server.xml databaseStore BatchStore) creates its tables here.
CREATE SCHEMA IF NOT EXISTS batch;
--rollback DROP SCHEMA batch CASCADE;
