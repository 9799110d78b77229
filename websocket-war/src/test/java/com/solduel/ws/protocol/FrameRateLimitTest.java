package com.solduel.ws.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.solduel.ws.protocol.FrameRateLimit.Verdict;
import org.junit.jupiter.api.Test;

/** 20 frames/s with a burst of 40; 50 refusals without a pause close the connection. */
class FrameRateLimitTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstIsAcceptedThenFramesAreRefused() {
        var limit = new FrameRateLimit(20, 40, 50, 0);
        for (int i = 0; i < 40; i++) {
            assertThat(limit.admit(0)).as("frame %d of the burst", i).isEqualTo(Verdict.ACCEPT);
        }
        assertThat(limit.admit(0)).isEqualTo(Verdict.REFUSE);
    }

    @Test
    void theBucketRefillsAtTheRate() {
        var limit = new FrameRateLimit(20, 40, 50, 0);
        for (int i = 0; i < 40; i++) {
            limit.admit(0);
        }
        assertThat(limit.admit(SECOND / 20)).isEqualTo(Verdict.ACCEPT);
        assertThat(limit.admit(SECOND / 20)).isEqualTo(Verdict.REFUSE);
        // A steady 20 frames per second is always accepted.
        for (int i = 2; i < 200; i++) {
            assertThat(limit.admit(i * SECOND / 20)).isEqualTo(Verdict.ACCEPT);
        }
    }

    @Test
    void aClientThatKeepsFloodingIsClosedAtTheRefusalLimit() {
        var limit = new FrameRateLimit(20, 40, 50, 0);
        int refused = 0;
        Verdict verdict = Verdict.ACCEPT;
        for (int i = 0; verdict != Verdict.CLOSE; i++) {
            verdict = limit.admit(i * 1000L);
            if (verdict == Verdict.REFUSE) {
                refused++;
            }
        }
        assertThat(refused).isEqualTo(49);
    }

    @Test
    void refusalsAreForgivenOnceTheClientPausesForAFullRefill() {
        var limit = new FrameRateLimit(20, 40, 50, 0);
        for (int i = 0; i < 40 + 49; i++) {
            limit.admit(0);
        }
        long later = 2 * SECOND; // 40 tokens at 20/s
        for (int i = 0; i < 40; i++) {
            assertThat(limit.admit(later)).isEqualTo(Verdict.ACCEPT);
        }
        for (int i = 0; i < 49; i++) {
            assertThat(limit.admit(later)).isEqualTo(Verdict.REFUSE);
        }
        assertThat(limit.admit(later)).isEqualTo(Verdict.CLOSE);
    }
}
