-- Fills an EMPTY copy of the SOL Duel schema with a history of :games finished games (default 100,000)
-- for the backup benchmark (tools/backup/bench.sh; docs/benchmarks.md "Backups"): :games / 10 players
-- with ratings, 8 actions and 2 rating-history rows per game, and for every tenth game a wager
-- booked in the ledger (deposits, stakes, pot, fee, payout: balanced transfers). Run as a superuser
-- (it switches the ledger's and the action fence's triggers off with session_replication_role; the
-- rows written keep their invariants anyway). NEVER against a database in use.
\set ON_ERROR_STOP on
\if :{?games}
\else
  \set games 100000
\endif
SET session_replication_role = replica;
BEGIN;

INSERT INTO players (id, wallet_address, username, elo_rating, wins, losses, created_at)
SELECT p, rpad('Bench' || p, 44, 'x'), 'bench_' || p, 1000 + (p * 37) % 600, (p * 7) % 90, (p * 11) % 90,
       now() - make_interval(days => p % 365)
FROM generate_series(1, GREATEST(:games / 10, 2)) AS p;
SELECT setval('players_id_seq', (SELECT max(id) FROM players));

INSERT INTO player_ratings (player_id, game_type, rating, rated_games, wins, losses, draws)
SELECT p.id, t.game_type, 1000 + (p.id * 13) % 500, 20, 10, 9, 1
FROM players p CROSS JOIN (VALUES ('DUEL'::game_type_enum), ('RPS'::game_type_enum)) AS t (game_type);

INSERT INTO games (id, player1_id, player2_id, status, winner_id, wager_amount, start_time, end_time, game_type, metadata,
                   server_seed_hash, server_seed, owner_epoch, rated, created_at)
SELECT g,
       1 + g % np, 1 + (g * 7 + 1) % np,
       'COMPLETED',
       CASE WHEN g % 5 = 0 THEN NULL ELSE 1 + g % np END,
       CASE WHEN g % 10 = 0 THEN 50000000 ELSE 0 END,
       now() - make_interval(secs => g * 30), now() - make_interval(secs => g * 30 - 240),
       CASE WHEN g % 2 = 0 THEN 'DUEL'::game_type_enum ELSE 'RPS'::game_type_enum END,
       jsonb_build_object('result', CASE WHEN g % 5 = 0 THEN 'DRAW' ELSE 'WIN' END, 'turns', 8, 'clientSeeds', jsonb_build_array(md5(g::text), md5((g + 1)::text))),
       encode(sha256(('seed' || g)::bytea), 'hex'), encode(sha256(('s' || g)::bytea), 'hex'),
       1, true, now() - make_interval(secs => g * 30 + 60)
FROM generate_series(1, :games) AS g, (SELECT count(*) AS np FROM players) AS n;

INSERT INTO game_actions (game_id, player_id, action_type, action_data, sequence_number, owner_epoch, timestamp)
SELECT g.id, CASE WHEN s % 2 = 0 THEN g.player1_id ELSE g.player2_id END,
       CASE WHEN s <= 2 THEN 'JOIN'::action_type_enum ELSE 'MOVE'::action_type_enum END,
       CASE WHEN s <= 2 THEN '{}'::jsonb ELSE jsonb_build_object('move', (ARRAY['ROCK', 'PAPER', 'SCISSORS'])[1 + (g.id + s) % 3], 'round', s - 2) END,
       s, 1, g.start_time + make_interval(secs => s * 20)
FROM games g CROSS JOIN generate_series(1, 8) AS s;

INSERT INTO rating_history (player_id, game_id, game_type, rating_before, rating_after, recorded_at)
SELECT pl, g.id, g.game_type, 1000 + g.id % 300, 1000 + g.id % 300 + CASE WHEN pl = g.winner_id THEN 12 ELSE -12 END, g.end_time
FROM games g CROSS JOIN LATERAL (VALUES (g.player1_id), (g.player2_id)) AS x (pl)
WHERE g.player1_id <> g.player2_id;

-- Every tenth game is wagered: each player deposits 0.05 SOL, both stakes go to the pot, the house
-- takes 2.5 %, the winner (or both, on a draw) is paid. Postings of each transfer sum to zero.
CREATE TEMP TABLE bench_transfers AS
SELECT g.id AS game_id, k.kind, k.n, g.player1_id, g.player2_id, g.winner_id
FROM games g CROSS JOIN (VALUES ('DEPOSIT', 1), ('DEPOSIT', 2), ('POT', 3), ('HOUSE_FEE', 4), ('PAYOUT', 5)) AS k (kind, n)
WHERE g.wager_amount > 0;
INSERT INTO ledger_transfers (kind, game_id, idempotency_key, created_at)
SELECT kind, game_id, 'bench:' || game_id || ':' || n, now() FROM bench_transfers ORDER BY game_id, n;
INSERT INTO ledger_postings (transfer_id, account, amount)
SELECT t.id, x.account, x.amount
FROM ledger_transfers t
JOIN games g ON g.id = t.game_id
CROSS JOIN LATERAL (
    SELECT * FROM (VALUES
        -- deposit n: the vault holds it, the player is owed it
        (t.kind = 'DEPOSIT' AND t.idempotency_key LIKE '%:1', 'vault', 50000000),
        (t.kind = 'DEPOSIT' AND t.idempotency_key LIKE '%:1', 'player:p' || g.player1_id || ':deposits', -50000000),
        (t.kind = 'DEPOSIT' AND t.idempotency_key LIKE '%:2', 'vault', 50000000),
        (t.kind = 'DEPOSIT' AND t.idempotency_key LIKE '%:2', 'player:p' || g.player2_id || ':deposits', -50000000),
        (t.kind = 'POT', 'player:p' || g.player1_id || ':deposits', 50000000),
        (t.kind = 'POT', 'player:p' || g.player2_id || ':deposits', 50000000),
        (t.kind = 'POT', 'game:' || g.id || ':pot', -100000000),
        (t.kind = 'HOUSE_FEE', 'game:' || g.id || ':pot', 2500000),
        (t.kind = 'HOUSE_FEE', 'house:fees', -2500000),
        (t.kind = 'PAYOUT', 'game:' || g.id || ':pot', 97500000),
        (t.kind = 'PAYOUT', 'vault', -97500000)
    ) AS v (applies, account, amount) WHERE applies
) AS x;

COMMIT;
SET session_replication_role = DEFAULT;
ANALYZE;
SELECT (SELECT count(*) FROM games) AS games, (SELECT count(*) FROM game_actions) AS actions,
       (SELECT count(*) FROM players) AS players, (SELECT count(*) FROM ledger_postings) AS postings,
       (SELECT COALESCE(SUM(amount), 0) FROM ledger_postings) AS ledger_sum,
       pg_size_pretty(pg_database_size(current_database())) AS database_size;
