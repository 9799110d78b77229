package com.solduel.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
        }, null, 10, () -> { }, failure -> { });
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
        }, null, 10, () -> { }, failure -> { });
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
        var queue = new OutboundQueue((text, done) -> { }, null, 3, overflows::incrementAndGet, failure -> { });
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
        }, null, 10, () -> { }, failure -> { });
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
        var queue = new OutboundQueue((text, done) -> done.accept(new IOException("reset")), null, 10, () -> { }, failures::add);
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
        }, null, 100_000, () -> { }, failure -> { });
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

    // ---- frames a client's message causes: held, then written on the message's thread ----

    /** A queue whose asynchronous writes and blocking writes are told apart by a prefix, on the thread that made them. */
    private static OutboundQueue recording(List<String> written) {
        return new OutboundQueue((text, done) -> {
            written.add("async " + text + " on " + Thread.currentThread().getName());
            done.accept(null);
        }, text -> written.add("now " + text + " on " + Thread.currentThread().getName()), 10, () -> { }, failure -> { });
    }

    @Test
    void framesGivenWhileAMessageIsHandledAreWrittenAfterItOnItsThreadTheSendersFirst() {
        List<String> written = new ArrayList<>();
        var sender = recording(written);
        var opponent = recording(written);
        String thread = Thread.currentThread().getName();
        OutboundQueue.holdWhile(sender, () -> {
            opponent.offer("player_acted");
            sender.offer("action_accepted");
            sender.offer("turn_result");
            opponent.offer("turn_result");
            assertThat(written).as("nothing is written while the message is handled (the game's lock may be held)").isEmpty();
        });
        assertThat(written).containsExactly("now action_accepted on " + thread, "now turn_result on " + thread,
                "now player_acted on " + thread, "now turn_result on " + thread);
    }

    @Test
    void workLeftForAfterTheHeldFramesRunsOnceTheyAreWrittenAndItsOwnFramesFollowThem() {
        List<String> written = new ArrayList<>();
        var sender = recording(written);
        var opponent = recording(written);
        String thread = Thread.currentThread().getName();
        OutboundQueue.holdWhile(sender, () -> {
            sender.offer("turn_result");
            opponent.offer("turn_result");
            OutboundQueue.afterHeldFrames(() -> {
                written.add("the result recorded");
                sender.offer("game_over");
                opponent.offer("game_over");
            });
            assertThat(written).isEmpty();
        });
        assertThat(written).containsExactly("now turn_result on " + thread, "now turn_result on " + thread,
                "the result recorded", "now game_over on " + thread, "now game_over on " + thread);

        written.clear();
        OutboundQueue.afterHeldFrames(() -> written.add("at once"));
        assertThat(written).as("outside a message it runs at once").containsExactly("at once");
    }

    @Test
    void framesASocketsCloseCausesStartTheirWritesLaterOnTheSchedulerAndNotAtAllToAQueueClosedMeanwhile()
            throws Exception {
        List<String> written = new CopyOnWriteArrayList<>();
        var opponent = recording(written);
        var closedOpponent = recording(written);
        var bench = new OutboundQueue((text, done) -> {
            written.add("async " + text);
            done.accept(null);
        }, null, 10, () -> { }, failure -> { });
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "scheduler"));
        try {
            long start = System.nanoTime();
            OutboundQueue.deferWhile(() -> {
                opponent.offer("player_disconnected");
                closedOpponent.offer("player_disconnected");
                bench.offer("frame");
                OutboundQueue.holdWhile(opponent, () -> opponent.offer("held inside the close"));
                assertThat(written).as("the closing thread starts no write").isEmpty();
            }, scheduler, 1000);
            closedOpponent.close();
            Thread.sleep(200);
            assertThat(written).as("nothing before the delay").isEmpty();

            while (written.size() < 3 && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10)) {
                Thread.sleep(20);
            }
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(1000));
            assertThat(written).containsExactly("async player_disconnected on scheduler",
                    "async held inside the close on scheduler", "async frame");
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void aCloseWhileTheServerStopsWritesItsFramesAtOnce() {
        List<String> written = new ArrayList<>();
        var opponent = recording(written);
        ScheduledExecutorService stopped = Executors.newSingleThreadScheduledExecutor();
        stopped.shutdown();
        OutboundQueue.deferWhile(() -> opponent.offer("player_disconnected"), stopped, 1000);
        assertThat(written).containsExactly("async player_disconnected on " + Thread.currentThread().getName());
    }

    @Test
    void outsideAMessageAndWithoutABlockingWriterFramesGoOutAsynchronouslyAtOnce() {
        List<String> written = new ArrayList<>();
        var blocking = recording(written);
        var asyncOnly = new OutboundQueue((text, done) -> {
            written.add("async " + text);
            done.accept(null);
        }, null, 10, () -> { }, failure -> { });
        String thread = Thread.currentThread().getName();
        blocking.offer("timer frame");
        OutboundQueue.holdWhile(blocking, () -> {
            asyncOnly.offer("bench frame");
            assertThat(written).containsExactly("async timer frame on " + thread, "async bench frame");
        });
        assertThat(written).hasSize(2);
    }

    @Test
    void aBlockingWriteThatWaitsForTheClientIsMeasuredAndAFailedOneClosesTheQueue() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch clientReads = new CountDownLatch(1);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        var queue = new OutboundQueue((text, done) -> done.accept(null), text -> {
            writing.countDown();
            try {
                clientReads.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("closed while blocked");
        }, 10, () -> { }, failures::add);
        assertThat(queue.blockedForNanos(System.nanoTime())).isZero();
        Thread handler = new Thread(() -> OutboundQueue.holdWhile(queue, () -> queue.offer("history")));
        handler.start();
        assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(50);
        assertThat(queue.blockedForNanos(System.nanoTime())).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
        assertThat(queue.offer("queued behind it")).as("another thread's frame waits; it never blocks").isTrue();
        clientReads.countDown();
        handler.join(5000);
        assertThat(failures).hasSize(1);
        assertThat(queue.blockedForNanos(System.nanoTime())).isZero();
        assertThat(queue.offer("after the failure")).isFalse();
    }
}
