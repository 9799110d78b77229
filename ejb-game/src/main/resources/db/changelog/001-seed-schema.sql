--liquibase formatted sql

-- The schema of the infrastructure design (seed "Database Schema"), exactly, with the enum
-- values of SPEC §5 (games) and §8 (tournaments).

--changeset solduel:001-enums
CREATE TYPE game_status_enum AS ENUM ('CREATED', 'AWAITING_DEPOSITS', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'ABORTED');
CREATE TYPE game_type_enum AS ENUM ('DUEL', 'RPS');
-- JOIN: a player took a seat (with a client seed); MOVE: a chosen action of a turn;
-- TIMEOUT_MOVE: the default action played for a missed turn; FORFEIT / RESIGN end the game.
CREATE TYPE action_type_enum AS ENUM ('JOIN', 'MOVE', 'TIMEOUT_MOVE', 'FORFEIT', 'RESIGN');
CREATE TYPE tournament_status_enum AS ENUM ('REGISTRATION', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED');
--rollback DROP TYPE tournament_status_enum; DROP TYPE action_type_enum; DROP TYPE game_type_enum; DROP TYPE game_status_enum;

--changeset solduel:001-players
CREATE TABLE players (
    id SERIAL PRIMARY KEY,
    wallet_address VARCHAR(44) UNIQUE NOT NULL,
    username VARCHAR(32) UNIQUE,
    elo_rating INTEGER DEFAULT 1000,
    wins INTEGER DEFAULT 0,
    losses INTEGER DEFAULT 0,
    total_earnings BIGINT DEFAULT 0,
    nft_profile_mint VARCHAR(44),
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP
);
--rollback DROP TABLE players;

--changeset solduel:001-games
CREATE TABLE games (
    id BIGINT PRIMARY KEY,
    player1_id INTEGER REFERENCES players(id),
    player2_id INTEGER REFERENCES players(id),
    status game_status_enum NOT NULL,
    winner_id INTEGER REFERENCES players(id),
    wager_amount BIGINT NOT NULL,
    start_time TIMESTAMP WITH TIME ZONE,
    end_time TIMESTAMP WITH TIME ZONE,
    game_type game_type_enum NOT NULL,
    metadata JSONB,
    blockchain_tx_hash VARCHAR(88),
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP
);
--rollback DROP TABLE games;

--changeset solduel:001-game-actions
CREATE TABLE game_actions (
    id SERIAL PRIMARY KEY,
    game_id BIGINT REFERENCES games(id),
    player_id INTEGER REFERENCES players(id),
    action_type action_type_enum NOT NULL,
    action_data JSONB NOT NULL,
    sequence_number INTEGER NOT NULL,
    timestamp TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,
    UNIQUE(game_id, sequence_number)
);
--rollback DROP TABLE game_actions;

--changeset solduel:001-tournaments
CREATE TABLE tournaments (
    id SERIAL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    organizer_id INTEGER REFERENCES players(id),
    entry_fee BIGINT NOT NULL,
    prize_pool BIGINT NOT NULL,
    max_participants INTEGER NOT NULL,
    status tournament_status_enum NOT NULL,
    start_time TIMESTAMP WITH TIME ZONE,
    registration_deadline TIMESTAMP WITH TIME ZONE,
    bracket_data JSONB,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP
);
--rollback DROP TABLE tournaments;

--changeset solduel:001-indexes
CREATE INDEX idx_players_wallet_address ON players(wallet_address);
CREATE INDEX idx_players_elo_rating ON players(elo_rating DESC);
CREATE INDEX idx_games_status ON games(status);
CREATE INDEX idx_games_start_time ON games(start_time DESC);
CREATE INDEX idx_game_actions_game_id_sequence ON game_actions(game_id, sequence_number);
--rollback DROP INDEX idx_game_actions_game_id_sequence; DROP INDEX idx_games_start_time; DROP INDEX idx_games_status; DROP INDEX idx_players_elo_rating; DROP INDEX idx_players_wallet_address;
