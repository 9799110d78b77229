package com.solduel.matchmaking;

import com.solduel.infra.redis.LuaScript;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import redis.clients.jedis.PipelineBase;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Matchmaking's Redis: the buckets (queue by rating, join times, pending pairs, all in one slot
 * per bucket), the tickets {@code matchmaking:{wallet}}, the players who lost their sockets, and
 * an epoch that tells when Redis lost its data. Every change of a bucket is one Lua script, so it
 * is atomic across nodes. Plain Java over {@link UnifiedJedis} (one server or a cluster): the
 * tests run it against a real Redis.
 */
public final class QueueStore {

    /** WebSocket players whose last socket closed, scored by when (epoch ms); removed after the grace. */
    public static final String DISCONNECTED_KEY = "matchmaking:disconnected";
    /** A random value written once; when it changes or vanishes, Redis lost its data (restarted empty). */
    public static final String EPOCH_KEY = "matchmaking:epoch";

    private static final LuaScript PAIR = LuaScript.of(script("pair.lua"));
    private static final LuaScript ENQUEUE = LuaScript.of(script("enqueue.lua"));
    private static final LuaScript REMOVE = LuaScript.of(script("remove.lua"));
    private static final LuaScript REQUEUE = LuaScript.of(script("requeue.lua"));
    private static final LuaScript CLAIM = LuaScript.of(script("claim.lua"));
    /** Creates a ticket unless the wallet has one: KEYS[1] ticket, ARGV expire-at ms then field, value pairs. */
    private static final LuaScript CREATE_TICKET = LuaScript.of("if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end "
            + "for i = 2, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end "
            + "redis.call('PEXPIREAT', KEYS[1], ARGV[1]) return 1");
    /** Marks a queued ticket's sockets gone (KEYS[1], ARGV[1] ms): 1 when marked. */
    private static final LuaScript MARK_DISCONNECTED = LuaScript.of("if redis.call('HGET', KEYS[1], 'status') ~= 'QUEUED' then return 0 end "
            + "redis.call('HSET', KEYS[1], 'disconnectedAt', ARGV[1]) return 1");
    /** Turns a queued ticket joined at ARGV[1] into a matched one: ARGV keep ms, then field, value pairs. 1 when done. */
    private static final LuaScript MARK_MATCHED = LuaScript.of("if redis.call('HGET', KEYS[1], 'joinedAt') ~= ARGV[1] then return 0 end "
            + "redis.call('HDEL', KEYS[1], 'disconnectedAt') "
            + "for i = 3, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end "
            + "redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1");
    /** Deletes a ticket only if it is the one joined at ARGV[1] ms (a newer one stays). */
    private static final LuaScript DELETE_TICKET = LuaScript.of("if redis.call('HGET', KEYS[1], 'joinedAt') == ARGV[1] then "
            + "return redis.call('DEL', KEYS[1]) end return 0");

    private final UnifiedJedis redis;

    public QueueStore(UnifiedJedis redis) {
        this.redis = redis;
    }

    // ---- tickets ----

    /** Stores a new ticket expiring at {@code expiresAtMillis}; false (and nothing written) when the wallet has one. */
    public boolean createTicket(QueueTicket ticket, long expiresAtMillis) {
        List<String> args = new ArrayList<>();
        args.add(Long.toString(expiresAtMillis));
        ticket.fields().forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        return ((Long) CREATE_TICKET.eval(redis, List.of(QueueTicket.key(ticket.wallet())), args)) == 1L;
    }

    public Optional<QueueTicket> ticket(String wallet) {
        return QueueTicket.read(wallet, redis.hgetAll(QueueTicket.key(wallet)));
    }

    /**
     * The tickets of {@code wallets} in one pipelined round trip (one per Redis node in a cluster)
     * instead of one per wallet: a node's watcher reads all of its waiting players every second.
     * A wallet without a ticket maps to empty.
     */
    public Map<String, Optional<QueueTicket>> tickets(Collection<String> wallets) {
        Map<String, Response<Map<String, String>>> replies = new LinkedHashMap<>();
        try (PipelineBase pipeline = redis.pipelined()) {
            for (String wallet : wallets) {
                replies.put(wallet, pipeline.hgetAll(QueueTicket.key(wallet)));
            }
            pipeline.sync();
        }
        Map<String, Optional<QueueTicket>> tickets = new LinkedHashMap<>();
        replies.forEach((wallet, reply) -> tickets.put(wallet, QueueTicket.read(wallet, reply.get())));
        return tickets;
    }

    /** Deletes the wallet's ticket if it is still the one joined at {@code joinedAtMillis}. */
    public boolean deleteTicket(String wallet, long joinedAtMillis) {
        return ((Long) DELETE_TICKET.eval(redis, List.of(QueueTicket.key(wallet)), List.of(Long.toString(joinedAtMillis)))) == 1L;
    }

    /** Records the game a queued ticket was matched into, kept {@code keepMillis} for clients that poll. */
    public boolean markMatched(String wallet, long joinedAtMillis, long gameId, String matchFrame, long keepMillis) {
        return ((Long) MARK_MATCHED.eval(redis, List.of(QueueTicket.key(wallet)), List.of(Long.toString(joinedAtMillis),
                Long.toString(keepMillis), "status", QueueTicket.Status.MATCHED.name(), "gameId", Long.toString(gameId),
                "match", matchFrame))) == 1L;
    }

    /** The player's sockets are all gone: marks the ticket and remembers since when. */
    public boolean markDisconnected(String wallet, long nowMillis) {
        boolean marked = ((Long) MARK_DISCONNECTED.eval(redis, List.of(QueueTicket.key(wallet)),
                List.of(Long.toString(nowMillis)))) == 1L;
        if (marked) {
            redis.zadd(DISCONNECTED_KEY, nowMillis, wallet);
        }
        return marked;
    }

    /** The player is back (a socket opened): the mark is cleared. True when there was one. */
    public boolean clearDisconnected(String wallet) {
        long cleared = redis.hdel(QueueTicket.key(wallet), "disconnectedAt");
        redis.zrem(DISCONNECTED_KEY, wallet);
        return cleared > 0;
    }

    /** Wallets whose sockets have been gone since {@code beforeMillis} or longer. */
    public List<String> disconnectedBefore(long beforeMillis) {
        return redis.zrangeByScore(DISCONNECTED_KEY, Double.NEGATIVE_INFINITY, beforeMillis);
    }

    public void forgetDisconnected(String wallet) {
        redis.zrem(DISCONNECTED_KEY, wallet);
    }

    // ---- buckets ----

    /** Adds the player to the bucket (both sorted sets); false when they wait there already. */
    public boolean enqueue(Bucket bucket, QueuedPlayer player) {
        return ((Long) ENQUEUE.eval(redis, List.of(bucket.queueKey(), bucket.sinceKey()), List.of(player.wallet(),
                Integer.toString(player.rating()), Long.toString(player.joinedAtMillis())))) == 1L;
    }

    /** Removes the player from the bucket if still waiting there (and joined at {@code joinedAt}, when given). */
    public boolean remove(Bucket bucket, String wallet, OptionalLong joinedAtMillis) {
        String joined = joinedAtMillis.isPresent() ? Long.toString(joinedAtMillis.getAsLong()) : "";
        return ((Long) REMOVE.eval(redis, List.of(bucket.queueKey(), bucket.sinceKey()), List.of(wallet, joined))) == 1L;
    }

    /**
     * One pairing step: at most {@code maxPairs} pairs, longest waiting first, each recorded as
     * pending under {@code callId}-n; players who waited {@code ttlMillis} or longer are removed.
     */
    @SuppressWarnings("unchecked")
    public PairingStep pair(Bucket bucket, long nowMillis, WideningPolicy policy, int maxPairs, long ttlMillis,
                            String callId, int candidatesPerSide) {
        List<Object> answer = (List<Object>) PAIR.eval(redis, List.of(bucket.queueKey(), bucket.sinceKey(), bucket.pendingKey()),
                List.of(Long.toString(nowMillis), Integer.toString(maxPairs), Integer.toString(policy.start()),
                        Integer.toString(policy.step()), Long.toString(policy.stepMillis()), Integer.toString(policy.cap()),
                        Long.toString(ttlMillis), callId, Integer.toString(candidatesPerSide)));
        List<Object> flat = (List<Object>) answer.get(0);
        List<PendingPair> pairs = new ArrayList<>(flat.size() / 7);
        for (int i = 0; i < flat.size(); i += 7) {
            pairs.add(new PendingPair(bucket, (String) flat.get(i),
                    player(flat.get(i + 1), flat.get(i + 2), flat.get(i + 3)),
                    player(flat.get(i + 4), flat.get(i + 5), flat.get(i + 6))));
        }
        List<String> expired = ((List<Object>) answer.get(1)).stream().map(String.class::cast).toList();
        return new PairingStep(pairs, expired);
    }

    /** The pair's game exists: it is pending no more. */
    public void settled(PendingPair pair) {
        redis.hdel(pair.bucket().pendingKey(), pair.matchId());
    }

    /**
     * The pair's game will not be made: settles the pending entry and puts {@code back} in the
     * bucket with their original join times. False (nobody put back) when another node settled it.
     */
    public boolean requeue(PendingPair pair, List<QueuedPlayer> back) {
        List<String> args = new ArrayList<>();
        args.add(pair.matchId());
        for (QueuedPlayer player : back) {
            args.add(player.wallet());
            args.add(Integer.toString(player.rating()));
            args.add(Long.toString(player.joinedAtMillis()));
        }
        return ((Long) REQUEUE.eval(redis, List.of(bucket(pair).queueKey(), bucket(pair).sinceKey(),
                bucket(pair).pendingKey()), args)) == 1L;
    }

    /** Claims the bucket's pending pairs untouched for {@code staleMillis}: this node recovers them now. */
    @SuppressWarnings("unchecked")
    public List<PendingPair> claimStale(Bucket bucket, long nowMillis, long staleMillis) {
        List<Object> flat = (List<Object>) CLAIM.eval(redis, List.of(bucket.pendingKey()),
                List.of(Long.toString(nowMillis), Long.toString(staleMillis)));
        List<PendingPair> pairs = new ArrayList<>();
        for (int i = 0; i < flat.size(); i += 2) {
            Map<String, String> json = PairJson.read((String) flat.get(i + 1));
            pairs.add(new PendingPair(bucket, (String) flat.get(i),
                    player(json.get("a"), json.get("ra"), json.get("sa")),
                    player(json.get("b"), json.get("rb"), json.get("sb"))));
        }
        return pairs;
    }

    /** Players waiting in the bucket. */
    public long size(Bucket bucket) {
        return redis.zcard(bucket.sinceKey());
    }

    /** How many wait longer than the player (0: they are first); empty when they are not waiting there. */
    public OptionalLong ahead(Bucket bucket, String wallet) {
        Long rank = redis.zrank(bucket.sinceKey(), wallet);
        return rank == null ? OptionalLong.empty() : OptionalLong.of(rank);
    }

    /** Wallets waiting in the bucket with their join times, oldest first (the sweep's view). */
    public Map<String, Double> waiting(Bucket bucket) {
        Map<String, Double> all = new java.util.LinkedHashMap<>();
        redis.zrangeWithScores(bucket.sinceKey(), 0, -1).forEach(t -> all.put(t.getElement(), t.getScore()));
        return all;
    }

    // ---- the epoch ----

    /** The current epoch, creating one when Redis has none (first start, or it lost its data). */
    public String epoch(String candidate) {
        redis.set(EPOCH_KEY, candidate, SetParams.setParams().nx());
        String epoch = redis.get(EPOCH_KEY);
        return epoch == null ? candidate : epoch;
    }

    /** Deletes every key of the given buckets (tests and the benchmark). */
    public void clear(Set<Bucket> buckets) {
        for (Bucket bucket : buckets) {
            redis.del(bucket.queueKey(), bucket.sinceKey(), bucket.pendingKey());
        }
    }

    private static Bucket bucket(PendingPair pair) {
        return pair.bucket();
    }

    private static QueuedPlayer player(Object wallet, Object rating, Object joined) {
        return new QueuedPlayer((String) wallet, (int) Double.parseDouble((String) rating), (long) Double.parseDouble((String) joined));
    }

    private static String script(String name) {
        try (InputStream in = QueueStore.class.getResourceAsStream("/matchmaking/" + name)) {
            if (in == null) {
                throw new IllegalStateException("matchmaking script " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
