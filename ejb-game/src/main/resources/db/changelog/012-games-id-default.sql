--liquibase formatted sql

-- A new game's id comes from its own INSERT (issue 11): the column takes the sequence's next value
-- by default, so Hibernate writes the row with INSERT ... RETURNING id in one round trip instead of
-- asking the sequence first (GameRecord, GenerationType.IDENTITY). The sequence and its values are
-- unchanged; it now belongs to the column.

--changeset solduel:012-games-id-default
ALTER TABLE games ALTER COLUMN id SET DEFAULT nextval('games_id_seq');
ALTER SEQUENCE games_id_seq OWNED BY games.id;
--rollback ALTER SEQUENCE games_id_seq OWNED BY NONE; ALTER TABLE games ALTER COLUMN id DROP DEFAULT;
