package com.solduel.solana.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.solduel.solana.rpc.ObservedBreaker.State;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ObservedBreakerTest {

    private final AtomicLong now = new AtomicLong();
    private final ObservedBreaker breaker = new ObservedBreaker(3, Duration.ofSeconds(4), 2, now::get);

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void opensWhenTheLastThresholdCallsAllFailed() {
        breaker.failed();
        breaker.failed();
        assertThat(breaker.state()).isEqualTo(State.CLOSED);

        breaker.failed();
        assertThat(breaker.state()).isEqualTo(State.OPEN);
    }

    @Test
    void oneSuccessInTheWindowKeepsItClosed() {
        breaker.failed();
        breaker.failed();
        breaker.succeeded();
        breaker.failed();
        breaker.failed();
        assertThat(breaker.state()).isEqualTo(State.CLOSED);

        breaker.failed();
        assertThat(breaker.state()).as("the success has left the rolling window").isEqualTo(State.OPEN);
    }

    @Test
    void isHalfOpenAfterTheDelayAndClosesAfterEnoughSuccessfulTrials() {
        breaker.refused();
        advance(Duration.ofMillis(3999));
        assertThat(breaker.state()).isEqualTo(State.OPEN);

        advance(Duration.ofMillis(1));
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);

        breaker.succeeded();
        assertThat(breaker.state()).as("one of two trials").isEqualTo(State.HALF_OPEN);
        breaker.succeeded();
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void aFailedTrialReopensForAnotherDelay() {
        breaker.refused();
        advance(Duration.ofSeconds(4));
        breaker.failed();
        assertThat(breaker.state()).isEqualTo(State.OPEN);

        advance(Duration.ofSeconds(4));
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
    }

    @Test
    void aRefusalIsProofItIsOpenWhateverWasObservedBefore() {
        breaker.succeeded();
        breaker.refused();
        assertThat(breaker.state()).isEqualTo(State.OPEN);
    }

    @Test
    void aClosedBreakerStartsCountingAfresh() {
        breaker.refused();
        advance(Duration.ofSeconds(4));
        breaker.succeeded();
        breaker.succeeded();
        breaker.failed();
        breaker.failed();
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
    }
}
