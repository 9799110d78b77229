package com.solduel.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstIsAllowedThenRefusedWithTheSecondsUntilATokenIsBack() {
        RateLimiter limiter = new RateLimiter(10, 20, 100);
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.acquire("203.0.113.1", 0).allowed()).as("request %d of the burst", i).isTrue();
        }
        RateLimiter.Decision refused = limiter.acquire("203.0.113.1", 0);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(limiter.acquire("203.0.113.1", SECOND / 10).allowed()).as("one token back after 100 ms at 10 r/s").isTrue();
        assertThat(limiter.acquire("203.0.113.1", SECOND / 10).allowed()).isFalse();
    }

    @Test
    void aSlowRateSaysHowManySecondsToWait() {
        RateLimiter limiter = new RateLimiter(0.25, 1, 100);
        assertThat(limiter.acquire("a", 0).allowed()).isTrue();
        assertThat(limiter.acquire("a", 0).retryAfterSeconds()).isEqualTo(4);
    }

    @Test
    void eachAddressHasItsOwnBucket() {
        RateLimiter limiter = new RateLimiter(1, 1, 100);
        assertThat(limiter.acquire("a", 0).allowed()).isTrue();
        assertThat(limiter.acquire("a", 0).allowed()).isFalse();
        assertThat(limiter.acquire("b", 0).allowed()).isTrue();
    }

    @Test
    void memoryIsBoundedAndIdleAddressesGoFirst() {
        RateLimiter limiter = new RateLimiter(1, 2, 1000);
        for (int i = 0; i < 1000; i++) {
            limiter.acquire("idle-" + i, 0);
        }
        limiter.acquire("busy", 10 * SECOND);
        limiter.acquire("busy", 10 * SECOND);
        for (int i = 0; i < 50_000; i++) {
            limiter.acquire("flood-" + i, 10 * SECOND);
            assertThat(limiter.size()).isLessThanOrEqualTo(1000);
        }
    }

    @Test
    void theFirstGroupWhosePrefixMatchesApplies() {
        RateLimits.Group auth = new RateLimits.Group("auth", List.of("/api/auth/"), new RateLimiter(1, 1, 10));
        RateLimits.Group fallback = new RateLimits.Group("default", List.of(), new RateLimiter(100, 100, 10));
        RateLimits limits = new RateLimits(List.of(auth), fallback);
        assertThat(limits.groupFor("/api/auth/nonce").name()).isEqualTo("auth");
        assertThat(limits.groupFor("/api/players").name()).isEqualTo("default");
        assertThat(limits.acquire("/api/auth/nonce", "a", 0).allowed()).isTrue();
        assertThat(limits.acquire("/api/auth/verify", "a", 0).allowed()).isFalse();
        assertThat(limits.acquire("/api/players", "a", 0).allowed()).as("groups keep their own buckets").isTrue();
    }
}
