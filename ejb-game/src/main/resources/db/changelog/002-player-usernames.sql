--liquibase formatted sql

-- SPEC §4: usernames are 3-32 of [A-Za-z0-9_] and unique ignoring case. The seed's UNIQUE on
-- username stays; this adds the case-insensitive rule and the character rule in the database,
-- so no code path can bypass them.

--changeset solduel:002-username-rules
CREATE UNIQUE INDEX uq_players_username_lower ON players (lower(username));
ALTER TABLE players ADD CONSTRAINT ck_players_username_format CHECK (username ~ '^[A-Za-z0-9_]{3,32}$');
--rollback ALTER TABLE players DROP CONSTRAINT ck_players_username_format; DROP INDEX uq_players_username_lower;
