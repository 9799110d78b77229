--liquibase formatted sql

-- Indexes for the queries a busy game node runs all the time (issue 11), found with
-- pg_stat_statements under load once games had piled up: the games table only grows, and its
-- status index fills with the entries of every game that moved on. Both are partial, so they hold
-- only the few rows the query wants (the games being played, the challenges still open) and stay
-- small however many games are over.
--   * every node's orphan sweep lists the games in progress once a second (8-20 ms with 12,000
--     games behind idx_games_status, < 0.1 ms with this index);
--   * creating a private challenge counts its creator's open challenges (1-7 ms through the
--     player1/player2 indexes), and the challenge expiry job finds the expired ones.

--changeset solduel:011-games-in-progress
CREATE INDEX idx_games_in_progress ON games (id) WHERE status = 'IN_PROGRESS';
--rollback DROP INDEX idx_games_in_progress;

--changeset solduel:011-games-open-challenges
CREATE INDEX idx_games_open_challenges ON games (player1_id) WHERE status = 'CREATED' AND player2_id IS NULL;
--rollback DROP INDEX idx_games_open_challenges;
