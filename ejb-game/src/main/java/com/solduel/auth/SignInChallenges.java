package com.solduel.auth;

import com.solduel.infra.redis.RedisConnection;
import com.solduel.player.WalletAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Open sign-in challenges in Redis, one per wallet under {@code auth:challenge:{wallet}}, expiring
 * with the nonce. Consuming is atomic, so one signed challenge yields at most one token even when
 * two requests race with it, on any node.
 */
@ApplicationScoped
public class SignInChallenges {

    /** Deletes the key only if it still holds the challenge that was verified. */
    private static final String CONSUME_IF_UNCHANGED =
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";

    private final RedisConnection redis;

    @Inject
    public SignInChallenges(RedisConnection redis) {
        this.redis = redis;
    }

    /** For the CDI client proxy. */
    protected SignInChallenges() {
        this.redis = null;
    }

    static String key(WalletAddress wallet) {
        return "auth:challenge:" + wallet.value();
    }

    /** Opens a challenge (replacing any older one of this wallet) for {@code ttlSeconds}. */
    public void open(WalletAddress wallet, String messageText, long ttlSeconds) {
        redis.client().setex(key(wallet), ttlSeconds, messageText);
    }

    /** The open challenge's message text, if any. */
    public Optional<String> find(WalletAddress wallet) {
        return Optional.ofNullable(redis.client().get(key(wallet)));
    }

    /** Uses the challenge up; false when it expired or another request used it first. */
    public boolean consume(WalletAddress wallet, String messageText) {
        Object deleted = redis.client().eval(CONSUME_IF_UNCHANGED, List.of(key(wallet)), List.of(messageText));
        return deleted instanceof Long count && count == 1L;
    }
}
