package com.solduel.auth;

import com.solduel.infra.redis.LuaScript;
import com.solduel.infra.redis.RedisConnection;
import com.solduel.player.WalletAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many sign-in challenges may be asked for per client address and per wallet in a fixed
 * window, counted in Redis so every node shares the budget. One counter key per check, so a
 * Redis Cluster is fine: the address's is counted here, the wallet's by the script that opens the
 * challenge ({@link SignInChallenges#open}), in the wallet's slot, so a challenge costs one round trip
 * less.
 */
@ApplicationScoped
public class ChallengeRequestLimits {

    /** KEYS[1] the window's counter, ARGV[1] the window in millis: the count after this request. */
    private static final LuaScript COUNT = LuaScript.of("""
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return n
            """);

    @Inject
    RedisConnection redis;

    @Inject
    @ConfigProperty(name = "solduel.auth.nonce.window-seconds")
    long windowSeconds;

    @Inject
    @ConfigProperty(name = "solduel.auth.nonce.per-address-limit")
    long perAddressLimit;

    @Inject
    @ConfigProperty(name = "solduel.auth.nonce.per-wallet-limit")
    long perWalletLimit;

    /** Counts one request from {@code clientAddress}; throws {@link SignInThrottledException} when its budget is spent. */
    public void countAddress(String clientAddress, Instant now) {
        Object count = COUNT.eval(redis.client(), List.of("auth:nonce-rate:address:{" + addressGroup(clientAddress) + "}:" + window(now)),
                List.of(Long.toString(windowSeconds * 1000)));
        if (count instanceof Long n && n > perAddressLimit) {
            throw new SignInThrottledException("from this address", retryAfterSeconds(now));
        }
    }

    /** The wallet's budget for the window of {@code now}, counted when its challenge is opened. */
    public WalletBudget walletBudget(WalletAddress wallet, Instant now) {
        return new WalletBudget("auth:nonce-rate:wallet:{" + wallet.value() + "}:" + window(now), perWalletLimit,
                windowSeconds * 1000, retryAfterSeconds(now));
    }

    /**
     * A wallet's budget of challenge requests in one window: its counter key (in the wallet's
     * cluster slot), the most requests it allows, the window's length and, once spent, how long
     * until the next window.
     */
    public record WalletBudget(String key, long limit, long windowMillis, long retryAfterSeconds) {

        /** The refusal of a request beyond the budget. */
        public SignInThrottledException spent() {
            return new SignInThrottledException("for this wallet", retryAfterSeconds);
        }
    }

    /** The number of the fixed window {@code now} falls in. */
    private long window(Instant now) {
        return now.getEpochSecond() / windowSeconds;
    }

    private long retryAfterSeconds(Instant now) {
        return Math.max(1, (window(now) + 1) * windowSeconds - now.getEpochSecond());
    }

    /** An IPv4 address, or the /64 network of an IPv6 one (one subscriber holds a whole /64). */
    static String addressGroup(String clientAddress) {
        if (clientAddress.indexOf(':') < 0) {
            return clientAddress;
        }
        try {
            byte[] bytes = InetAddress.getByName(clientAddress).getAddress();
            if (bytes.length == 16) {
                return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException notAnAddress) {
            return clientAddress;
        }
    }
}
