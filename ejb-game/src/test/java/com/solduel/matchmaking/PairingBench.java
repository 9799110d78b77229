package com.solduel.matchmaking;

import com.solduel.game.rules.GameType;
import com.solduel.money.Lamports;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;

/**
 * The pairing benchmark of SPEC §14 (10,000 queued players paired within 1 s), not a test: fills
 * one bucket of a real Redis with N players (ratings normally spread around 1500, σ 300; join
 * times spread over the last {@code --spread-seconds}), then runs the production pairing script
 * (the loop's call: at most 1,000 pairs a call) until a call makes no pair, and prints the time,
 * the pairs, who is left and the longest single call (how long Redis was busy at once).
 * Run by tools/matchmaking/bench.sh; docs/benchmarks.md has the figures.
 */
public final class PairingBench {

    private PairingBench() {
    }

    public static void main(String[] args) throws Exception {
        int players = intArg(args, "--players", 10_000);
        int rounds = intArg(args, "--rounds", 5);
        String redisArg = stringArg(args, "--redis", "");
        LocalRedis own = redisArg.isEmpty() ? LocalRedis.start() : null;
        try (UnifiedJedis redis = own != null ? own.client()
                : new JedisPooled(redisArg.split(":")[0], Integer.parseInt(redisArg.split(":")[1]))) {
            System.out.printf(Locale.ROOT, "redis %s, %d players per bucket, %d rounds per scenario%n",
                    own != null ? "127.0.0.1:" + own.port() + " (started for the run)" : redisArg, players, rounds);
            scenario(redis, "rated, all just joined (±50)", true, players, 0, rounds);
            scenario(redis, "rated, joins spread over 60 s (±50..±400)", true, players, 60, rounds);
            scenario(redis, "unrated, joins spread over 60 s (±100.., no cap)", false, players, 60, rounds);
        } finally {
            if (own != null) {
                own.close();
            }
        }
    }

    private static void scenario(UnifiedJedis redis, String name, boolean rated, int players, int spreadSeconds, int rounds) {
        Bucket bucket = new Bucket(GameType.RPS, Lamports.ZERO, rated);
        WideningPolicy policy = rated ? new WideningPolicy(50, 50, 5_000, 400)
                : new WideningPolicy(100, 100, 5_000, WideningPolicy.UNLIMITED);
        QueueStore store = new QueueStore(redis);
        List<Double> millis = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            redis.del(bucket.queueKey(), bucket.sinceKey(), bucket.pendingKey());
            Random random = new Random(round);
            long now = System.currentTimeMillis();
            for (int i = 0; i < players; i++) {
                int rating = (int) Math.max(100, Math.round(1500 + random.nextGaussian() * 300));
                long joined = now - (spreadSeconds == 0 ? 0 : random.nextInt(spreadSeconds * 1000));
                store.enqueue(bucket, new QueuedPlayer("player-" + i, rating, joined));
            }
            long started = System.nanoTime();
            long longestCall = 0;
            int pairs = 0;
            int calls = 0;
            while (true) {
                long callStart = System.nanoTime();
                PairingStep step = store.pair(bucket, now, policy, 1_000, 300_000, "bench-" + calls, 8);
                longestCall = Math.max(longestCall, System.nanoTime() - callStart);
                calls++;
                pairs += step.pairs().size();
                if (step.pairs().isEmpty()) {
                    break;
                }
            }
            double took = (System.nanoTime() - started) / 1e6;
            millis.add(took);
            System.out.printf(Locale.ROOT, "  %-48s round %d: %,d pairs, %,d left unpairable, %d script calls, %.0f ms "
                            + "(longest call %.0f ms)%n", name, round + 1, pairs, store.size(bucket), calls, took,
                    longestCall / 1e6);
        }
        millis.sort(Double::compare);
        System.out.printf(Locale.ROOT, "%s: median %.0f ms, worst %.0f ms to pair %,d queued players%n", name,
                millis.get(millis.size() / 2), millis.get(millis.size() - 1), players);
        redis.del(bucket.queueKey(), bucket.sinceKey(), bucket.pendingKey());
    }

    private static int intArg(String[] args, String name, int absent) {
        String value = stringArg(args, name, "");
        return value.isEmpty() ? absent : Integer.parseInt(value);
    }

    private static String stringArg(String[] args, String name, String absent) {
        for (String arg : args) {
            if (arg.startsWith(name + "=")) {
                return arg.substring(name.length() + 1);
            }
        }
        return absent;
    }
}
