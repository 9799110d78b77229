package com.solduel.auth;

import com.solduel.infra.redis.LuaScript;
import com.solduel.infra.redis.RedisConnection;
import com.solduel.player.WalletAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Open sign-in challenges in Redis: one hash per wallet under {@code auth:challenge:{wallet}} (one
 * key, so one cluster slot), a field per challenge named {@code address|expiresAtMillis|nonce}.
 * Each client address keeps at most a few challenges per wallet, its oldest dropped beyond that, so
 * nobody elsewhere can push out the challenge a wallet is about to sign. Consuming deletes the
 * field ({@code HDEL} answers 1 once), so one signed challenge yields at most one token even when
 * two requests race with it, on any node.
 */
@ApplicationScoped
public class SignInChallenges {

    /**
     * KEYS[1] the wallet's hash, KEYS[2] its request counter of this window (same slot); ARGV now
     * millis, the caller's address, the cap per address, the new field, its message, the TTL millis,
     * the wallet's request limit, the window millis. Counts the request and answers -1, changing
     * nothing else, when the wallet's budget is spent. Else drops expired fields, then this address's
     * oldest beyond the cap, adds the new one and keeps the key alive as long as its newest field;
     * answers how many of the address's fields it dropped.
     */
    private static final LuaScript OPEN = LuaScript.of("""
            local requests = redis.call('INCR', KEYS[2])
            if requests == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[8]) end
            if requests > tonumber(ARGV[7]) then return -1 end
            local now = tonumber(ARGV[1])
            local mine = {}
            for _, field in ipairs(redis.call('HKEYS', KEYS[1])) do
              local address, expires = string.match(field, '^(.*)|(%d+)|[^|]*$')
              if expires == nil or tonumber(expires) <= now then
                redis.call('HDEL', KEYS[1], field)
              elseif address == ARGV[2] then
                table.insert(mine, field)
              end
            end
            table.sort(mine)
            local cap = tonumber(ARGV[3])
            local dropped = 0
            while #mine - dropped >= cap do
              dropped = dropped + 1
              redis.call('HDEL', KEYS[1], mine[dropped])
            end
            redis.call('HSET', KEYS[1], ARGV[4], ARGV[5])
            if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[6]) then
              redis.call('PEXPIRE', KEYS[1], ARGV[6])
            end
            return dropped
            """);

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
        return "auth:challenge:{" + wallet.value() + "}";
    }

    /** One open challenge: the field that names it and the message the wallet signs. */
    public record Open(String field, String messageText) {
    }

    /**
     * Opens a challenge of {@code wallet} asked for from {@code clientAddress}, valid until
     * {@code expiresAt}, and counts the request against the wallet's {@code budget}; that address's
     * oldest open challenges of the wallet beyond {@code capPerAddress} stop being valid. False,
     * with no challenge opened or dropped, when the budget was spent.
     */
    public boolean open(WalletAddress wallet, ChallengeRequestLimits.WalletBudget budget, String clientAddress, String nonce,
                        String messageText, Instant now, Instant expiresAt, int capPerAddress) {
        String field = field(clientAddress, expiresAt, nonce);
        long ttlMillis = Math.max(1, expiresAt.toEpochMilli() - now.toEpochMilli());
        Object dropped = OPEN.eval(redis.client(), List.of(key(wallet), budget.key()), List.of(Long.toString(now.toEpochMilli()),
                clientAddress, Integer.toString(capPerAddress), field, messageText, Long.toString(ttlMillis),
                Long.toString(budget.limit()), Long.toString(budget.windowMillis())));
        return !(dropped instanceof Long n && n < 0);
    }

    /** The wallet's challenges still valid at {@code now}, newest first. */
    public List<Open> find(WalletAddress wallet, Instant now) {
        Map<String, String> fields = redis.client().hgetAll(key(wallet));
        List<Open> open = new ArrayList<>();
        fields.forEach((field, message) -> {
            if (expiresAtMillis(field) > now.toEpochMilli()) {
                open.add(new Open(field, message));
            }
        });
        open.sort(Comparator.comparingLong((Open o) -> expiresAtMillis(o.field())).reversed());
        return open;
    }

    /** Uses the challenge up; false when it expired or another request used it first. */
    public boolean consume(WalletAddress wallet, Open challenge) {
        return redis.client().hdel(key(wallet), challenge.field()) == 1L;
    }

    /** Zero-padded expiry, so one address's fields sort oldest first as text too. */
    static String field(String clientAddress, Instant expiresAt, String nonce) {
        return clientAddress.replace('|', '_') + "|" + String.format("%015d", expiresAt.toEpochMilli()) + "|" + nonce;
    }

    static long expiresAtMillis(String field) {
        String[] parts = field.split("\\|");
        try {
            return parts.length < 3 ? 0 : Long.parseLong(parts[parts.length - 2]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
