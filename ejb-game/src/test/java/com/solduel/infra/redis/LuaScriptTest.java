package com.solduel.infra.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.solduel.matchmaking.LocalRedis;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisDataException;

class LuaScriptTest {

    private static final LuaScript INCR_BY = LuaScript.of("return redis.call('INCRBY', KEYS[1], ARGV[1])");

    private static LocalRedis redis;

    @BeforeAll
    static void start() throws Exception {
        redis = LocalRedis.start();
    }

    @AfterAll
    static void stop() throws Exception {
        redis.close();
    }

    @Test
    void aScriptRedisDoesNotKnowIsSentOnceAndThenRunByItsHash() {
        redis.client().scriptFlush();
        assertThat(redis.client().scriptExists(INCR_BY.sha1(), "n")).isFalse();

        assertThat(INCR_BY.eval(redis.client(), List.of("n"), List.of("2"))).isEqualTo(2L);
        assertThat(redis.client().scriptExists(INCR_BY.sha1(), "n")).as("loaded by the fallback").isTrue();
        assertThat(INCR_BY.eval(redis.client(), List.of("n"), List.of("3"))).isEqualTo(5L);

        redis.client().scriptFlush();   // as after a Redis restart
        assertThat(INCR_BY.eval(redis.client(), List.of("n"), List.of("1"))).isEqualTo(6L);
    }

    @Test
    void manyRunsGoInOnePipelineAndAnswerInTheirOrderEvenWhenRedisForgotTheScript() {
        redis.client().del("a", "b", "c");
        redis.client().scriptFlush();   // as after a Redis restart: every EVALSHA of the batch answers NOSCRIPT

        List<Object> answers = INCR_BY.evalAll(redis.client(), List.of(
                new LuaScript.Call(List.of("a"), List.of("1")),
                new LuaScript.Call(List.of("b"), List.of("10")),
                new LuaScript.Call(List.of("a"), List.of("2")),
                new LuaScript.Call(List.of("c"), List.of("100"))));

        assertThat(answers).containsExactly(1L, 10L, 3L, 100L);
        assertThat(redis.client().scriptExists(INCR_BY.sha1(), "a")).as("loaded by the fallback").isTrue();
        assertThat(INCR_BY.evalAll(redis.client(), List.of(new LuaScript.Call(List.of("b"), List.of("5")))))
                .containsExactly(15L);
        assertThat(INCR_BY.evalAll(redis.client(), List.of())).isEmpty();
    }

    @Test
    void anErrorAnswerInABatchIsThrown() {
        redis.client().set("text", "not a number");
        assertThatThrownBy(() -> INCR_BY.evalAll(redis.client(), List.of(
                new LuaScript.Call(List.of("fine"), List.of("1")),
                new LuaScript.Call(List.of("text"), List.of("1")))))
                .isInstanceOf(JedisDataException.class);
    }

    @Test
    void theHashIsRedisOwn() {
        assertThat(INCR_BY.sha1()).isEqualTo(redis.client().scriptLoad("return redis.call('INCRBY', KEYS[1], ARGV[1])"));
    }
}
