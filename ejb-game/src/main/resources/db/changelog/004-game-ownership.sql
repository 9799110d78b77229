--liquibase formatted sql

-- One owner per game across nodes (SPEC §13). A node owns a game under a lease in Redis and a
-- fencing epoch here: taking a game over raises games.owner_epoch, and every action row carries
-- the epoch of the node that wrote it. The trigger refuses a row whose epoch is not the game's
-- current one, so a node that lost its lease (frozen, partitioned) can never write for that game
-- again, whatever it believes. SQLSTATE SDF01 tells the application its lease is gone.

--changeset solduel:004-owner-epoch
ALTER TABLE games ADD COLUMN owner_epoch BIGINT NOT NULL DEFAULT 0;
ALTER TABLE game_actions ADD COLUMN owner_epoch BIGINT;
--rollback ALTER TABLE game_actions DROP COLUMN owner_epoch; ALTER TABLE games DROP COLUMN owner_epoch;

--changeset solduel:004-action-fence splitStatements:false
CREATE FUNCTION game_actions_fence() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    current_epoch BIGINT;
BEGIN
    -- FOR SHARE: a takeover (UPDATE of owner_epoch) waits for this insert's transaction, and
    -- this insert waits for a takeover in flight, so the new owner reads every row written
    -- under the old epoch and no row lands after it.
    SELECT owner_epoch INTO current_epoch FROM games WHERE id = NEW.game_id FOR SHARE;
    IF NEW.owner_epoch IS DISTINCT FROM current_epoch THEN
        RAISE EXCEPTION 'game % is owned under epoch %; a row of epoch % is refused',
            NEW.game_id, current_epoch, NEW.owner_epoch USING ERRCODE = 'SDF01';
    END IF;
    RETURN NEW;
END;
$$;
--rollback DROP FUNCTION game_actions_fence();

--changeset solduel:004-action-fence-trigger
CREATE TRIGGER game_actions_fence BEFORE INSERT ON game_actions
    FOR EACH ROW EXECUTE FUNCTION game_actions_fence();
--rollback DROP TRIGGER game_actions_fence ON game_actions;
