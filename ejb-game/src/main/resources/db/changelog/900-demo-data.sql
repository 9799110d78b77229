--liquibase formatted sql

-- Demo players for the local stack only (context "demo", set by scripts/run.sh); never in tests
-- or production. The wallets are well-known public keys of nobody's funds.

--changeset solduel:900-demo-players context:demo
INSERT INTO players (wallet_address, username, elo_rating, wins, losses) VALUES
    ('9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM', 'demo_alice', 1240, 31, 12),
    ('HN7cABqLq46Es1jh92dQQisAq662SmxELLLsHHe4YWrH', 'demo_bob', 1105, 18, 15),
    ('7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU', 'demo_carol', 990, 9, 11),
    ('4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T', 'demo_dave', 1010, 5, 4);
--rollback DELETE FROM players WHERE username LIKE 'demo\_%';
