--liquibase formatted sql

-- Live games (SPEC §5): ids from a sequence (the seed gives games.id no default), the private
-- challenge's invite code, and the provably-fair seeds. The server seed stays secret in its own
-- column until the game ends; only its SHA-256 is public from the start.

--changeset solduel:003-games-sequence
CREATE SEQUENCE games_id_seq START WITH 1000 INCREMENT BY 1;
--rollback DROP SEQUENCE games_id_seq;

--changeset solduel:003-games-fairness
ALTER TABLE games ADD COLUMN invite_code VARCHAR(16);
ALTER TABLE games ADD COLUMN server_seed_hash CHAR(64);
ALTER TABLE games ADD COLUMN server_seed CHAR(64);
CREATE UNIQUE INDEX uq_games_invite_code ON games (invite_code) WHERE invite_code IS NOT NULL;
--rollback DROP INDEX uq_games_invite_code; ALTER TABLE games DROP COLUMN server_seed; ALTER TABLE games DROP COLUMN server_seed_hash; ALTER TABLE games DROP COLUMN invite_code;
