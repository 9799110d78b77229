package com.solduel.infra.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
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

    /** The SHA-1 Redis knows the script by. */
    public String sha1() {
        return sha1;
    }

    @Override
    public String toString() {
        return "LuaScript " + sha1;
    }
}
