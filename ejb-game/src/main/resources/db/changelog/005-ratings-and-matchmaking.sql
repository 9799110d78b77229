--liquibase formatted sql

-- Ratings per game type and their history (SPEC §6, docs/ratings.md), and what matchmaking
-- writes on a game. players.elo_rating (the seed's column) stays the overall rating: the Elo of
-- every rated game whatever its type; player_ratings holds one rating per game type, the one a
-- queue is scored by and a game type's leaderboard ranks. A rating never goes below 100.

--changeset solduel:005-player-ratings
CREATE TABLE player_ratings (
    player_id INTEGER NOT NULL REFERENCES players(id),
    game_type game_type_enum NOT NULL,
    rating INTEGER NOT NULL DEFAULT 1000,
    rated_games INTEGER NOT NULL DEFAULT 0,
    wins INTEGER NOT NULL DEFAULT 0,
    losses INTEGER NOT NULL DEFAULT 0,
    draws INTEGER NOT NULL DEFAULT 0,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (player_id, game_type),
    CONSTRAINT player_ratings_floor CHECK (rating >= 100)
);
CREATE INDEX idx_player_ratings_rank ON player_ratings (game_type, rating DESC, player_id);
--rollback DROP TABLE player_ratings;

--changeset solduel:005-rating-history
-- One row per player per rated game: the game type's rating before and after it, so a profile
-- can plot it.
CREATE TABLE rating_history (
    id BIGSERIAL PRIMARY KEY,
    player_id INTEGER NOT NULL REFERENCES players(id),
    game_id BIGINT NOT NULL REFERENCES games(id),
    game_type game_type_enum NOT NULL,
    rating_before INTEGER NOT NULL,
    rating_after INTEGER NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT rating_history_once UNIQUE (player_id, game_id)
);
CREATE INDEX idx_rating_history_player ON rating_history (player_id, game_type, id);
--rollback DROP TABLE rating_history;

--changeset solduel:005-games-rated-and-matched
-- rated: whether the result moves ratings (an unrated game changes none). match_id: the
-- matchmaking pair a game was made from; unique, so a pair becomes at most one game even when
-- a node dies between pairing and creating it and another node recovers the pair.
ALTER TABLE games ADD COLUMN rated BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE games ADD COLUMN match_id VARCHAR(40);
CREATE UNIQUE INDEX uq_games_match_id ON games (match_id) WHERE match_id IS NOT NULL;
CREATE INDEX idx_games_player1 ON games (player1_id, id DESC);
CREATE INDEX idx_games_player2 ON games (player2_id, id DESC);
--rollback DROP INDEX idx_games_player2; DROP INDEX idx_games_player1; DROP INDEX uq_games_match_id; ALTER TABLE games DROP COLUMN match_id; ALTER TABLE games DROP COLUMN rated;

--changeset solduel:005-player-bans
-- A banned player (SPEC §4) cannot queue, join or connect; the ban takes effect at once.
ALTER TABLE players ADD COLUMN banned_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE players ADD COLUMN ban_reason VARCHAR(200);
--rollback ALTER TABLE players DROP COLUMN ban_reason; ALTER TABLE players DROP COLUMN banned_at;
