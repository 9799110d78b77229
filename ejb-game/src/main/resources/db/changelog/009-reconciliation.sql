--liquibase formatted sql

-- Reconciliation (docs/money.md, "Reconciliation"): the vault's on-chain balance and signatures
-- against the ledger. Every signature that ever touched the vault is classified once; lamports that
-- reached the vault without being a credited deposit (the operator's float, a transfer with a wrong
-- memo, a deposit after the deadline, a second deposit) are booked ONCE to vault:unattributed, so the
-- ledger's vault account is the vault's whole on-chain balance.

--changeset solduel:009-ledger-unattributed
ALTER TABLE ledger_transfers DROP CONSTRAINT ledger_transfers_kind;
-- UNATTRIBUTED: lamports that reached the vault and are owed to no player (yet): vault +, vault:unattributed −.
ALTER TABLE ledger_transfers ADD CONSTRAINT ledger_transfers_kind CHECK (kind IN
    ('DEPOSIT', 'STAKE', 'POT', 'HOUSE_FEE', 'PAYOUT', 'REFUND', 'NETWORK_FEE', 'UNATTRIBUTED'));
-- One on-chain inflow is booked once: as a credited deposit or as unattributed, never both.
CREATE UNIQUE INDEX ledger_inflow_once ON ledger_transfers (reference) WHERE kind IN ('DEPOSIT', 'UNATTRIBUTED');
CREATE INDEX idx_ledger_transfers_reference ON ledger_transfers (reference) WHERE reference IS NOT NULL;
--rollback DROP INDEX idx_ledger_transfers_reference; DROP INDEX ledger_inflow_once; ALTER TABLE ledger_transfers DROP CONSTRAINT ledger_transfers_kind; ALTER TABLE ledger_transfers ADD CONSTRAINT ledger_transfers_kind CHECK (kind IN ('DEPOSIT', 'STAKE', 'POT', 'HOUSE_FEE', 'PAYOUT', 'REFUND', 'NETWORK_FEE'));

--changeset solduel:009-reconciliation-tables
-- Every vault signature the reconciliation read, with its slot and what it is:
-- DEPOSIT (a credited deposit), PAYOUT_ATTEMPT (a payout's transfer), AWAITING_CREDIT (a deposit
-- for a game still awaiting deposits: it may yet be credited), UNATTRIBUTED (an inflow booked to
-- vault:unattributed), UNEXPLAINED_OUTFLOW (lamports left the vault outside the payouts job),
-- RETURNED (an unexplained outflow's lamports came back, or the transfer that brought them),
-- NO_CHANGE (the vault's balance did not move). vault_delta: lamports the vault gained (negative:
-- lost), fee included; null when not read (a deposit or payout the ledger already books exactly).
CREATE TABLE vault_transactions (
    signature VARCHAR(88) PRIMARY KEY,
    vault VARCHAR(44) NOT NULL,
    slot BIGINT NOT NULL,
    block_time TIMESTAMP WITH TIME ZONE,
    class VARCHAR(24) NOT NULL,
    vault_delta BIGINT,
    memo VARCHAR(300),
    seen_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT vault_transactions_class CHECK (class IN ('DEPOSIT', 'PAYOUT_ATTEMPT', 'AWAITING_CREDIT', 'UNATTRIBUTED',
        'UNEXPLAINED_OUTFLOW', 'RETURNED', 'NO_CHANGE'))
);
CREATE INDEX idx_vault_transactions_open ON vault_transactions (slot) WHERE class IN ('AWAITING_CREDIT', 'PAYOUT_ATTEMPT', 'UNEXPLAINED_OUTFLOW');
-- Where the reconciliation's scan of the vault's signatures stopped (apart from the deposit poller's vault_scan_cursor).
CREATE TABLE reconciliation_cursor (
    vault VARCHAR(44) PRIMARY KEY,
    last_signature VARCHAR(88) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
-- One node reconciles at a time: the holder of this lease (taken with a compare-and-set, lapses by itself).
CREATE TABLE reconciliation_lease (
    name VARCHAR(32) PRIMARY KEY,
    holder VARCHAR(64),
    held_until TIMESTAMP WITH TIME ZONE
);
INSERT INTO reconciliation_lease (name) VALUES ('reconciliation');
-- Each run: the vault's balance at a slot against the ledger. drift = onchain - (ledger + in_flight).
CREATE TABLE reconciliation_runs (
    id BIGSERIAL PRIMARY KEY,
    node VARCHAR(64) NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    finished_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    vault VARCHAR(44) NOT NULL,
    slot BIGINT NOT NULL,
    onchain_lamports BIGINT NOT NULL,
    ledger_lamports BIGINT NOT NULL,
    in_flight_lamports BIGINT NOT NULL,
    drift_lamports BIGINT NOT NULL,
    status VARCHAR(8) NOT NULL,
    scanned INTEGER NOT NULL,
    CONSTRAINT reconciliation_runs_status CHECK (status IN ('OK', 'DRIFT'))
);
-- What a run found that an operator must see (docs/money.md, runbook). One row per finding
-- (kind + subject: a signature, or a check and the row it names); resolved_at set when a later run
-- no longer finds it (drift, invariants, a returned outflow). Unattributed inflows stay open: an
-- operator decides what they are.
CREATE TABLE reconciliation_items (
    id BIGSERIAL PRIMARY KEY,
    kind VARCHAR(24) NOT NULL,
    subject VARCHAR(120) NOT NULL,
    signature VARCHAR(88),
    lamports BIGINT,
    detail VARCHAR(500) NOT NULL,
    first_seen_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    resolved_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT reconciliation_items_once UNIQUE (kind, subject),
    CONSTRAINT reconciliation_items_kind CHECK (kind IN ('UNATTRIBUTED_INFLOW', 'UNEXPLAINED_OUTFLOW', 'DRIFT', 'LEDGER_INVARIANT'))
);
CREATE INDEX idx_reconciliation_items_open ON reconciliation_items (id) WHERE resolved_at IS NULL;
--rollback DROP TABLE reconciliation_items; DROP TABLE reconciliation_runs; DROP TABLE reconciliation_lease; DROP TABLE reconciliation_cursor; DROP TABLE vault_transactions;
