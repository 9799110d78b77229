package com.solduel.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Frames leave one at a time, in order, without blocking the sender; a client that does not read is cut off. */
class OutboundQueueTest {

    @Test
    void framesAreWrittenInOrderWhenWritesCompleteInline() {
        List<String> written = new ArrayList<>();
        var queue = new OutboundQueue((text, done) -> {
            written.add(text);
            done.accept(null);
        }, 10, () -> { }, failure -> { });
        for (int i = 0; i < 10_000; i++) {
            assertThat(queue.offer("f" + i)).isTrue();
        }
        assertThat(written).hasSize(10_000).startsWith("f0", "f1").endsWith("f9999");
        assertThat(queue.size()).isZero();
    }

    @Test
    void onlyOneWriteIsInFlightAndTheRestWaitInOrder() {
        List<Consumer<Throwable>> pending = new ArrayList<>();
        List<String> written = new ArrayList<>();
        var queue = new OutboundQueue((text, done) -> {
            written.add(text);
            pending.add(done);
        }, 10, () -> { }, failure -> { });
        queue.offer("a");
        queue.offer("b");
        queue.offer("c");
        assertThat(written).containsExactly("a");
        pending.get(0).accept(null);
        assertThat(written).containsExactly("a", "b");
        pending.get(1).accept(null);
        pending.get(2).accept(null);
        assertThat(written).containsExactly("a", "b", "c");
    }

    @Test
    void aClientThatDoesNotReadIsCutOffOnceAtTheLimit() {
        AtomicInteger overflows = new AtomicInteger();
        var queue = new OutboundQueue((text, done) -> { }, 3, overflows::incrementAndGet, failure -> { });
        assertThat(queue.offer("in flight")).isTrue();
        assertThat(queue.offer("1")).isTrue();
        assertThat(queue.offer("2")).isTrue();
        assertThat(queue.offer("3")).isTrue();
        assertThat(queue.offer("4")).isFalse();
        assertThat(queue.offer("5")).isFalse();
        assertThat(overflows).hasValue(1);
    }

    @Test
    void finishWritesWhatIsQueuedThenRunsOnceAndRefusesMore() {
        List<Consumer<Throwable>> pending = new ArrayList<>();
        List<String> events = new ArrayList<>();
        var queue = new OutboundQueue((text, done) -> {
            events.add(text);
            pending.add(done);
        }, 10, () -> { }, failure -> { });
        queue.offer("error");
        queue.offer("last words");
        queue.finish(() -> events.add("closed"));
        queue.finish(() -> events.add("closed twice"));
        assertThat(queue.offer("too late")).isFalse();
        assertThat(events).containsExactly("error");
        pending.get(0).accept(null);
        pending.get(1).accept(null);
        assertThat(events).containsExactly("error", "last words", "closed");
    }

    @Test
    void aFailedWriteClosesTheQueue() {
        List<Throwable> failures = new ArrayList<>();
        var queue = new OutboundQueue((text, done) -> done.accept(new IOException("reset")), 10, () -> { }, failures::add);
        queue.offer("a");
        assertThat(queue.offer("b")).isFalse();
        assertThat(failures).hasSize(1);
    }

    @Test
    void concurrentSendersWithAsynchronousCompletionLoseNothing() throws InterruptedException {
        ExecutorService network = Executors.newFixedThreadPool(2);
        List<String> written = new CopyOnWriteArrayList<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        var queue = new OutboundQueue((text, done) -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            written.add(text);
            network.execute(() -> {
                inFlight.decrementAndGet();
                done.accept(null);
            });
        }, 100_000, () -> { }, failure -> { });
        ExecutorService senders = Executors.newFixedThreadPool(4);
        CountDownLatch sent = new CountDownLatch(4);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            senders.execute(() -> {
                for (int i = 0; i < 5_000; i++) {
                    queue.offer(thread + ":" + i);
                }
                sent.countDown();
            });
        }
        assertThat(sent.await(20, TimeUnit.SECONDS)).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (written.size() < 20_000 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        senders.shutdown();
        network.shutdown();
        assertThat(written).hasSize(20_000);
        assertThat(maxInFlight).hasValue(1);
        for (int t = 0; t < 4; t++) {
            String prefix = t + ":";
            List<String> ofThread = written.stream().filter(s -> s.startsWith(prefix)).toList();
            assertThat(ofThread).as("frames of one sender stay in order").hasSize(5_000)
                    .isEqualTo(ofThread.stream().sorted((a, b) -> Integer.compare(
                            Integer.parseInt(a.substring(prefix.length())), Integer.parseInt(b.substring(prefix.length())))).toList());
        }
    }
}
