--liquibase formatted sql

-- Money (SPEC §7, docs/money.md): an append-only double-entry ledger, the deposits credited from
-- the chain, and the payouts owed to players. Every lamport the vault holds is a posting; a
-- balance is SUM(amount) of an account's postings and is never stored anywhere else.
--
-- Sign convention: a positive amount is lamports held (the vault's own account), a negative
-- amount is lamports owed to someone (a player's deposits, a game's pot, the house's fees).
-- The database itself refuses a transfer whose postings do not sum to zero (checked at commit),
-- a transfer with fewer than two postings, a posting added to a transfer of an earlier
-- transaction, and any UPDATE, DELETE or TRUNCATE of either table.

--changeset solduel:006-ledger-tables
CREATE TABLE ledger_transfers (
    id BIGSERIAL PRIMARY KEY,
    kind VARCHAR(16) NOT NULL,
    game_id BIGINT REFERENCES games(id),
    -- e.g. the on-chain signature the transfer follows from
    reference VARCHAR(88),
    -- at most one transfer per key: writing the same fact twice is refused, not doubled
    idempotency_key VARCHAR(160) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT ledger_transfers_once UNIQUE (idempotency_key),
    CONSTRAINT ledger_transfers_kind CHECK (kind IN
        ('DEPOSIT', 'STAKE', 'POT', 'HOUSE_FEE', 'PAYOUT', 'REFUND', 'NETWORK_FEE'))
);
CREATE INDEX idx_ledger_transfers_game ON ledger_transfers (game_id) WHERE game_id IS NOT NULL;
CREATE TABLE ledger_postings (
    id BIGSERIAL PRIMARY KEY,
    transfer_id BIGINT NOT NULL REFERENCES ledger_transfers(id),
    account VARCHAR(100) NOT NULL,
    amount BIGINT NOT NULL,
    CONSTRAINT ledger_postings_not_zero CHECK (amount <> 0),
    CONSTRAINT ledger_postings_account CHECK (account ~ '^[a-z]+(:[A-Za-z0-9]+)*$')
);
CREATE INDEX idx_ledger_postings_transfer ON ledger_postings (transfer_id);
CREATE INDEX idx_ledger_postings_account ON ledger_postings (account);
--rollback DROP TABLE ledger_postings; DROP TABLE ledger_transfers;

--changeset solduel:006-ledger-invariants splitStatements:false
CREATE FUNCTION ledger_transfer_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    total NUMERIC;
    postings BIGINT;
BEGIN
    SELECT COALESCE(SUM(amount), 0), COUNT(*) INTO total, postings
        FROM ledger_postings WHERE transfer_id = NEW.id;
    IF postings < 2 OR total <> 0 THEN
        RAISE EXCEPTION 'ledger transfer % is not balanced: % postings summing to % (must be 2 or more summing to 0)',
            NEW.id, postings, total USING ERRCODE = 'SDL01';
    END IF;
    RETURN NULL;
END;
$$;
-- A posting joins only a transfer written in the same transaction: a committed transfer is closed.
CREATE FUNCTION ledger_posting_joins_open_transfer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM ledger_transfers
                   WHERE id = NEW.transfer_id AND xmin = pg_current_xact_id()::xid) THEN
        RAISE EXCEPTION 'ledger transfer % was written by another transaction: its postings are closed',
            NEW.transfer_id USING ERRCODE = 'SDL01';
    END IF;
    RETURN NEW;
END;
$$;
CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ledger is append-only: % on % is refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'SDL02';
END;
$$;
--rollback DROP FUNCTION ledger_append_only(); DROP FUNCTION ledger_posting_joins_open_transfer(); DROP FUNCTION ledger_transfer_balanced();

--changeset solduel:006-ledger-triggers
-- Checked at commit, once every posting of the transaction is written.
CREATE CONSTRAINT TRIGGER ledger_transfer_balanced AFTER INSERT ON ledger_transfers
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_transfer_balanced();
CREATE TRIGGER ledger_posting_joins_open_transfer BEFORE INSERT ON ledger_postings
    FOR EACH ROW EXECUTE FUNCTION ledger_posting_joins_open_transfer();
CREATE TRIGGER ledger_transfers_append_only BEFORE UPDATE OR DELETE ON ledger_transfers
    FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_postings_append_only BEFORE UPDATE OR DELETE ON ledger_postings
    FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_transfers_no_truncate BEFORE TRUNCATE ON ledger_transfers
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_postings_no_truncate BEFORE TRUNCATE ON ledger_postings
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
--rollback DROP TRIGGER ledger_posting_joins_open_transfer ON ledger_postings; DROP TRIGGER ledger_postings_no_truncate ON ledger_postings; DROP TRIGGER ledger_transfers_no_truncate ON ledger_transfers; DROP TRIGGER ledger_postings_append_only ON ledger_postings; DROP TRIGGER ledger_transfers_append_only ON ledger_transfers; DROP TRIGGER ledger_transfer_balanced ON ledger_transfers;

--changeset solduel:006-deposits
-- A deposit credited from the chain. The signature is UNIQUE: one on-chain transfer is credited
-- once, to one game; a player deposits once per game.
CREATE TABLE deposits (
    id BIGSERIAL PRIMARY KEY,
    signature VARCHAR(88) NOT NULL,
    game_id BIGINT NOT NULL REFERENCES games(id),
    player_id INTEGER NOT NULL REFERENCES players(id),
    lamports BIGINT NOT NULL,
    slot BIGINT NOT NULL,
    commitment VARCHAR(16) NOT NULL,
    transfer_id BIGINT NOT NULL REFERENCES ledger_transfers(id),
    credited_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT deposits_signature_once UNIQUE (signature),
    CONSTRAINT deposits_once_per_player UNIQUE (game_id, player_id),
    CONSTRAINT deposits_positive CHECK (lamports > 0),
    CONSTRAINT deposits_commitment CHECK (commitment IN ('confirmed', 'finalized'))
);
--rollback DROP TABLE deposits;

--changeset solduel:006-payouts
-- Lamports the vault owes a wallet: a winner's payout or a refund. Written PENDING in the
-- transaction that decides them; the payouts job (docs/money.md, not built yet) signs, persists
-- signature + blockhash + last valid block height, sends and confirms them.
CREATE TABLE payouts (
    id BIGSERIAL PRIMARY KEY,
    kind VARCHAR(16) NOT NULL,
    status VARCHAR(16) NOT NULL DEFAULT 'PENDING',
    reason VARCHAR(32) NOT NULL,
    game_id BIGINT NOT NULL REFERENCES games(id),
    player_id INTEGER NOT NULL REFERENCES players(id),
    destination VARCHAR(44) NOT NULL,
    lamports BIGINT NOT NULL,
    idempotency_key VARCHAR(160) NOT NULL,
    signature VARCHAR(88),
    blockhash VARCHAR(44),
    last_valid_block_height BIGINT,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT payouts_once UNIQUE (idempotency_key),
    CONSTRAINT payouts_signature_once UNIQUE (signature),
    CONSTRAINT payouts_kind CHECK (kind IN ('PAYOUT', 'REFUND')),
    CONSTRAINT payouts_status CHECK (status IN ('PENDING', 'SENT', 'CONFIRMED', 'FAILED')),
    CONSTRAINT payouts_positive CHECK (lamports > 0)
);
CREATE INDEX idx_payouts_pending ON payouts (id) WHERE status IN ('PENDING', 'SENT');
CREATE INDEX idx_payouts_game ON payouts (game_id);
--rollback DROP TABLE payouts;

--changeset solduel:006-games-deposit-deadline
-- When a wagered game waiting in AWAITING_DEPOSITS is cancelled unless both deposits are in.
ALTER TABLE games ADD COLUMN deposit_deadline TIMESTAMP WITH TIME ZONE;
CREATE INDEX idx_games_deposit_deadline ON games (deposit_deadline) WHERE status = 'AWAITING_DEPOSITS';
--rollback DROP INDEX idx_games_deposit_deadline; ALTER TABLE games DROP COLUMN deposit_deadline;

--changeset solduel:006-vault-scan-cursor
-- Where the vault poller (unreported deposits) stopped: the newest vault signature it decided.
CREATE TABLE vault_scan_cursor (
    vault VARCHAR(44) PRIMARY KEY,
    last_signature VARCHAR(88) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
--rollback DROP TABLE vault_scan_cursor;
