package com.solduel.ws;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The frames waiting to be written to one connection, written one at a time without blocking the
 * caller: the game hall delivers frames from its own threads and must never wait for a slow
 * client. A client that lets more than {@code limit} frames pile up is cut off ({@code onOverflow}).
 */
final class OutboundQueue {

    /** Writes one text frame asynchronously and reports completion: {@code null} on success, else the failure. */
    interface Writer {
        void write(String text, Consumer<Throwable> done);
    }

    private final Writer writer;
    private final int limit;
    private final Runnable onOverflow;
    private final Consumer<Throwable> onFailure;
    /** Queued after the last frame by {@link #finish}; compared by identity. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String FINISH = new String("finish");

    private final Queue<String> frames = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean finishing = new AtomicBoolean();
    private volatile Runnable afterLastFrame;

    OutboundQueue(Writer writer, int limit, Runnable onOverflow, Consumer<Throwable> onFailure) {
        this.writer = writer;
        this.limit = limit;
        this.onOverflow = onOverflow;
        this.onFailure = onFailure;
    }

    /** Queues a frame; returns false when the connection is closed or was just cut off for overflowing. */
    boolean offer(String frame) {
        if (closed.get() || finishing.get()) {
            return false;
        }
        if (queued.incrementAndGet() > limit) {
            queued.decrementAndGet();
            if (closed.compareAndSet(false, true)) {
                frames.clear();
                onOverflow.run();
            }
            return false;
        }
        frames.add(frame);
        drain();
        return true;
    }

    /** Refuses further frames, writes those already queued, then runs {@code then} (once). */
    void finish(Runnable then) {
        if (closed.get() || !finishing.compareAndSet(false, true)) {
            return;
        }
        afterLastFrame = then;
        frames.add(FINISH);
        drain();
    }

    /** Drops what is queued and refuses further frames. */
    void close() {
        closed.set(true);
        frames.clear();
    }

    int size() {
        return queued.get();
    }

    /*
     * One write in flight at a time. A writer may complete inline (inside write()) or later on
     * another thread; the handshake on `inline` makes the loop continue in the first case instead of
     * recursing, so a long queue never deepens the stack.
     */
    private void drain() {
        while (!closed.get() && writing.compareAndSet(false, true)) {
            String next = frames.poll();
            if (next == null) {
                writing.set(false);
                if (frames.isEmpty()) {
                    return;
                }
                continue;
            }
            if (next == FINISH) {
                closed.set(true);
                writing.set(false);
                afterLastFrame.run();
                return;
            }
            queued.decrementAndGet();
            AtomicInteger inline = new AtomicInteger(); // 0 pending, 1 completed inside write(), 2 write() returned first
            try {
                writer.write(next, failure -> {
                    writing.set(false);
                    if (failure != null) {
                        fail(failure);
                    }
                    if (!inline.compareAndSet(0, 1)) {
                        drain();
                    }
                });
            } catch (RuntimeException e) {
                writing.set(false);
                fail(e);
                return;
            }
            if (inline.compareAndSet(0, 2)) {
                return;
            }
        }
    }

    private void fail(Throwable failure) {
        if (closed.compareAndSet(false, true)) {
            frames.clear();
            onFailure.accept(failure);
        }
    }
}
