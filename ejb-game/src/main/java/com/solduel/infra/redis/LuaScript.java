package com.solduel.infra.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.PipelineBase;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script run by its SHA-1 ({@code EVALSHA}): Redis neither receives nor hashes the text on
 * every call, as it does for {@code EVAL}. A Redis that does not know the script yet (restarted,
 * flushed, or another node of a cluster) answers {@code NOSCRIPT}, and the script is sent once
 * with {@code EVAL}, which also loads it there.
 */
public final class LuaScript {

    private final String text;
    private final String sha1;

    private LuaScript(String text) {
        this.text = text;
        try {
            this.sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }

    public static LuaScript of(String text) {
        return new LuaScript(text);
    }

    /** Runs the script with {@code keys} and {@code args}; its answer as Jedis gives it. */
    public Object eval(UnifiedJedis redis, List<String> keys, List<String> args) {
        try {
            return redis.evalsha(sha1, keys, args);
        } catch (JedisNoScriptException notLoaded) {
            return redis.eval(text, keys, args);
        }
    }

    /** One run of a script: its keys and arguments. */
    public record Call(List<String> keys, List<String> args) {
    }

    /**
     * Runs the script once per call in one pipelined round trip (one per Redis node in a
     * cluster) instead of one round trip per call; the answers in the calls' order. Calls a Redis
     * answers {@code NOSCRIPT} are sent again with {@code EVAL}, in a second round trip. Any other
     * error answer is thrown ({@link redis.clients.jedis.exceptions.JedisDataException}).
     */
    public List<Object> evalAll(UnifiedJedis redis, List<Call> calls) {
        List<Response<Object>> replies = new ArrayList<>(calls.size());
        try (PipelineBase pipeline = redis.pipelined()) {
            for (Call call : calls) {
                replies.add(pipeline.evalsha(sha1, call.keys(), call.args()));
            }
            pipeline.sync();
        }
        List<Object> answers = new ArrayList<>(calls.size());
        List<Integer> notLoaded = new ArrayList<>();
        for (int i = 0; i < replies.size(); i++) {
            try {
                answers.add(replies.get(i).get());
            } catch (JedisNoScriptException e) {
                answers.add(null);
                notLoaded.add(i);
            }
        }
        if (!notLoaded.isEmpty()) {
            List<Response<Object>> retried = new ArrayList<>(notLoaded.size());
            try (PipelineBase pipeline = redis.pipelined()) {
                for (int i : notLoaded) {
                    retried.add(pipeline.eval(text, calls.get(i).keys(), calls.get(i).args()));
                }
                pipeline.sync();
            }
            for (int j = 0; j < notLoaded.size(); j++) {
                answers.set(notLoaded.get(j), retried.get(j).get());
            }
        }
        return answers;
    }

    /** The SHA-1 Redis knows the script by. */
    public String sha1() {
        return sha1;
    }

    @Override
    public String toString() {
        return "LuaScript " + sha1;
    }
}
