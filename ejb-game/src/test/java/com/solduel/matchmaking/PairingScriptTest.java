package com.solduel.matchmaking;

import static org.assertj.core.api.Assertions.assertThat;

import com.solduel.game.rules.GameType;
import com.solduel.money.Lamports;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * The pairing scripts (src/main/resources/matchmaking/*.lua) run by a real Redis: who is paired
 * with whom, when, and that two pairing loops racing over one Redis never take a player twice.
 * Time is passed to the script, so the widening is tested without waiting.
 */
class PairingScriptTest {

    private static final WideningPolicy RATED = new WideningPolicy(50, 50, 5_000, 400);
    private static final long TTL = 300_000;
    private static final Bucket BUCKET = new Bucket(GameType.RPS, Lamports.ZERO, true);
    private static final long T0 = 1_764_547_200_000L;

    private static LocalRedis redis;
    private QueueStore store;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = LocalRedis.start();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }

    @BeforeEach
    void empty() {
        redis.client().flushAll();
        store = new QueueStore(redis.client());
    }

    @Test
    void everyKeyOfABucketLivesInOneClusterSlot() {
        int slot = JedisClusterCRC16.getSlot(BUCKET.queueKey());
        assertThat(JedisClusterCRC16.getSlot(BUCKET.sinceKey())).isEqualTo(slot);
        assertThat(JedisClusterCRC16.getSlot(BUCKET.pendingKey())).isEqualTo(slot);
    }

    @Test
    void theLongestWaitingPlayerIsServedFirstWithTheClosestRating() {
        join("old", 1000, T0);
        join("far", 1040, T0 + 100);
        join("near", 1010, T0 + 200);
        join("other", 1012, T0 + 300);

        PairingStep step = pair(T0 + 1_000);

        assertThat(step.pairs()).hasSize(2);
        assertThat(names(step.pairs().get(0))).containsExactly("old", "near");
        assertThat(names(step.pairs().get(1))).containsExactly("far", "other");
        assertThat(store.size(BUCKET)).isZero();
    }

    @Test
    void atEqualDistanceTheLongerWaitingCandidateWins() {
        join("first", 1000, T0);
        join("newer", 1020, T0 + 200);
        join("older", 980, T0 + 100);

        assertThat(names(pair(T0 + 1_000).pairs().get(0))).containsExactly("first", "older");
    }

    @Test
    void farApartRatingsArePairedOnlyOnceBothRangesReachTheOther() {
        join("low", 1000, T0);
        join("high", 1180, T0 + 1);

        assertThat(pair(T0).pairs()).as("range ±50").isEmpty();
        assertThat(pair(T0 + 10_000).pairs()).as("range ±150").isEmpty();
        PairingStep step = pair(T0 + 15_001);
        assertThat(step.pairs()).as("range ±200").hasSize(1);
        assertThat(step.pairs().get(0).first().rating()).isEqualTo(1000);
        assertThat(step.pairs().get(0).second().rating()).isEqualTo(1180);
    }

    @Test
    void aPlayerWhoWaitedLongIsNotPairedWithANewcomerOutsideTheNewcomersRange() {
        join("veteran", 1000, T0);
        join("newcomer", 1300, T0 + 60_000);

        assertThat(pair(T0 + 60_000).pairs()).as("veteran accepts ±400, the newcomer only ±50").isEmpty();
        assertThat(pair(T0 + 60_000 + 25_000).pairs()).as("the newcomer's range reached ±300").hasSize(1);
    }

    @Test
    void theCapIsNeverExceeded() {
        join("a", 1000, T0);
        join("b", 1401, T0);
        assertThat(pair(T0 + 299_000).pairs()).isEmpty();
    }

    @Test
    void aPlayerWhoWaitedTheTicketLifetimeIsRemoved() {
        join("stale", 1000, T0);
        join("fresh", 2000, T0 + 200_000);

        PairingStep step = pair(T0 + TTL);

        assertThat(step.expired()).containsExactly("stale");
        assertThat(step.pairs()).isEmpty();
        assertThat(store.ahead(BUCKET, "stale")).isEmpty();
        assertThat(store.ahead(BUCKET, "fresh")).hasValue(0);
    }

    @Test
    void oneCallMakesAtMostTheGivenNumberOfPairs() {
        for (int i = 0; i < 10; i++) {
            join("p" + i, 1000, T0 + i);
        }
        PairingStep step = store.pair(BUCKET, T0 + 1, RATED, 3, TTL, "c", 8);
        assertThat(step.pairs()).hasSize(3);
        assertThat(store.size(BUCKET)).isEqualTo(4);
    }

    @Test
    void aPairIsPendingUntilSettledAndAStaleOneIsClaimedByOneNodeAndPutBackWithTheOriginalJoinTimes() {
        join("a", 1000, T0);
        join("b", 1001, T0 + 5);
        PendingPair pair = pair(T0 + 10).pairs().get(0);
        assertThat(pair.matchId()).isEqualTo("call-1");
        assertThat(redis.client().hlen(BUCKET.pendingKey())).isEqualTo(1);

        assertThat(store.claimStale(BUCKET, T0 + 1_000, 5_000)).as("not stale yet").isEmpty();
        List<PendingPair> claimed = store.claimStale(BUCKET, T0 + 5_010, 5_000);
        assertThat(claimed).containsExactly(pair);
        assertThat(store.claimStale(BUCKET, T0 + 5_020, 5_000)).as("claimed a moment ago by another node").isEmpty();

        assertThat(store.requeue(pair, List.of(pair.second()))).isTrue();
        assertThat(store.requeue(pair, List.of(pair.first(), pair.second()))).as("settled already").isFalse();
        assertThat(store.waiting(BUCKET)).containsExactly(Map.entry("b", (double) (T0 + 5)));
        assertThat(redis.client().hlen(BUCKET.pendingKey())).isZero();
    }

    @Test
    void aConditionalRemovalLeavesAPlayerWhoJoinedAgain() {
        join("a", 1000, T0 + 50);
        assertThat(store.remove(BUCKET, "a", OptionalLong.of(T0))).isFalse();
        assertThat(store.remove(BUCKET, "a", OptionalLong.of(T0 + 50))).isTrue();
        assertThat(store.remove(BUCKET, "a", OptionalLong.empty())).isFalse();
    }

    @Test
    void aSecondTicketForTheSameWalletIsRefusedAndWritesNothing() {
        QueueTicket first = QueueTicket.queued("w", BUCKET, T0, 1000, QueueTicket.Via.REST, java.util.Optional.empty());
        long expires = System.currentTimeMillis() + 60_000;
        assertThat(store.createTicket(first, expires)).isTrue();
        QueueTicket second = QueueTicket.queued("w", new Bucket(GameType.DUEL, Lamports.ZERO, false), T0 + 1, 1000,
                QueueTicket.Via.WS, java.util.Optional.of("seed"));
        assertThat(store.createTicket(second, expires)).isFalse();
        assertThat(store.ticket("w")).contains(first);
        assertThat(store.markMatched("w", T0 + 1, 7, "{}", 60_000)).as("not that ticket").isFalse();
        assertThat(store.markMatched("w", T0, 7, "{}", 60_000)).isTrue();
        assertThat(store.ticket("w").orElseThrow().gameId()).hasValue(7);
    }

    @Test
    void theWatchersPipelinedReadGivesEachWalletItsOwnTicketOrNone() {
        long expires = System.currentTimeMillis() + 60_000;
        List<String> wallets = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String wallet = "w" + i;
            wallets.add(wallet);
            if (i % 5 != 0) {
                assertThat(store.createTicket(QueueTicket.queued(wallet, BUCKET, T0 + i, 1000 + i, QueueTicket.Via.WS,
                        java.util.Optional.empty()), expires)).isTrue();
            }
        }
        assertThat(store.markMatched("w7", T0 + 7, 70, "{}", 60_000)).isTrue();

        Map<String, java.util.Optional<QueueTicket>> tickets = store.tickets(wallets);

        assertThat(tickets).hasSize(500);
        for (String wallet : wallets) {
            assertThat(tickets.get(wallet)).as(wallet).isEqualTo(store.ticket(wallet));
        }
        assertThat(tickets.get("w0")).isEmpty();
        assertThat(tickets.get("w3").orElseThrow().rating()).isEqualTo(1003);
        assertThat(tickets.get("w7").orElseThrow().gameId()).hasValue(70);
        assertThat(store.tickets(List.of())).isEmpty();
    }

    /**
     * 2,000 players join three buckets from 16 threads while two pairing loops (two nodes) run the
     * script against the same Redis: nobody is paired twice or with themselves, each bucket ends
     * with floor(n/2) pairs, and whoever is left waits in the queue (nobody stranded).
     */
    @Test
    void twoPairingLoopsAndSixteenJoiningThreadsPairEveryPlayerAtMostOnce() throws Exception {
        List<Bucket> buckets = List.of(BUCKET, new Bucket(GameType.RPS, Lamports.ZERO, false),
                new Bucket(GameType.DUEL, Lamports.ZERO, true));
        WideningPolicy wide = new WideningPolicy(1_000, 0, 1_000, 1_000);
        int players = 2_000;
        Random random = new Random(7);
        List<Integer> ratings = new ArrayList<>();
        for (int i = 0; i < players; i++) {
            ratings.add(800 + random.nextInt(400));
        }
        Map<String, PendingPair> pairs = new ConcurrentHashMap<>();
        List<String> duplicates = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean joining = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(18);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> loops = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            String nodeId = "node" + node;
            loops.add(pool.submit(() -> {
                go.await();
                QueueStore own = new QueueStore(redis.client());
                int call = 0;
                boolean last = false;
                while (!last) {
                    last = !joining.get();
                    for (Bucket bucket : buckets) {
                        PairingStep step = own.pair(bucket, System.currentTimeMillis(), wide, 50, TTL,
                                nodeId + "-" + call++, 8);
                        for (PendingPair pair : step.pairs()) {
                            for (QueuedPlayer p : List.of(pair.first(), pair.second())) {
                                if (pairs.putIfAbsent(p.wallet(), pair) != null) {
                                    duplicates.add(p.wallet());
                                }
                            }
                        }
                    }
                }
                return null;
            }));
        }
        List<Future<?>> joiners = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int thread = t;
            joiners.add(pool.submit(() -> {
                go.await();
                QueueStore own = new QueueStore(redis.client());
                for (int i = thread; i < players; i += 16) {
                    own.enqueue(buckets.get(i % 3), new QueuedPlayer("player-" + i, ratings.get(i), System.currentTimeMillis()));
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> joiner : joiners) {
            joiner.get(60, TimeUnit.SECONDS);
        }
        joining.set(false);
        for (Future<?> loop : loops) {
            loop.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(duplicates).as("players paired twice").isEmpty();
        assertThat(pairs.values()).noneMatch(p -> p.first().wallet().equals(p.second().wallet()));
        for (int b = 0; b < 3; b++) {
            Bucket bucket = buckets.get(b);
            int joined = (int) java.util.stream.IntStream.range(0, players).filter(i -> i % 3 == bucketIndex(bucket, buckets)).count();
            Set<PendingPair> made = new HashSet<>();
            pairs.values().stream().filter(p -> p.bucket().equals(bucket)).forEach(made::add);
            assertThat(made).as("pairs in " + bucket).hasSize(joined / 2);
            assertThat(store.size(bucket)).as("left waiting in " + bucket).isEqualTo(joined % 2);
            assertThat(redis.client().hlen(bucket.pendingKey())).as("pairs pending in " + bucket).isEqualTo(joined / 2);
            assertThat(made).allMatch(p -> p.first().wallet().startsWith("player-") && p.second().wallet().startsWith("player-"));
        }
        assertThat(pairs).hasSize(players - (int) buckets.stream().mapToLong(store::size).sum());
    }

    private static int bucketIndex(Bucket bucket, List<Bucket> buckets) {
        return buckets.indexOf(bucket);
    }

    private void join(String wallet, int rating, long joinedAt) {
        assertThat(store.enqueue(BUCKET, new QueuedPlayer(wallet, rating, joinedAt))).isTrue();
    }

    private PairingStep pair(long now) {
        return store.pair(BUCKET, now, RATED, 1000, TTL, "call", 8);
    }

    private static List<String> names(PendingPair pair) {
        return List.of(pair.first().wallet(), pair.second().wallet());
    }
}
