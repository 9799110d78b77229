package com.solduel.ws;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The frames waiting to be written to one connection, written one at a time and in order. A client
 * that lets more than {@code limit} frames pile up is cut off ({@code onOverflow}).
 *
 * <p>Two ways out. By default a frame is handed to the container's asynchronous send: the caller
 * (a game's thread, holding the game's lock) never waits for a slow client. But each asynchronous
 * send in Liberty is a hand-off to another thread, and a turn sends eight frames. So the frames
 * that a client's own message causes are held while that message is handled ({@link #holdWhile})
 * and then written with blocking sends on the message's thread, after every lock is released: no
 * hand-off, and a client whose buffers are full stalls only the thread of a message that wrote to
 * it, until {@link #blockedForNanos} has the socket closed. Either way one write is in flight at a
 * time and frames keep their order.
 *
 * <p>The frames a socket's close causes (the opponent's {@code player_disconnected}) start their
 * writes a moment later, on a scheduler ({@link #deferWhile}). Liberty handles a close from the
 * client on an executor thread that first waits, without a timeout, for the write in flight on that
 * socket, and an asynchronous write completes on another executor thread. When hundreds of sockets
 * closed at once, each close started a write to an opponent whose own close was waiting for it:
 * every executor thread waited and the server answered nothing for 10–34 s. A moment later the
 * opponent's close has usually been handled, its queue is closed and nothing is written.
 */
final class OutboundQueue {

    private static final Logger LOG = Logger.getLogger(OutboundQueue.class.getName());

    /** Writes one text frame asynchronously and reports completion: {@code null} on success, else the failure. */
    interface Writer {
        void write(String text, Consumer<Throwable> done);
    }

    /** Writes one text frame and returns once it is written (blocks while the client's buffers are full). */
    interface BlockingWriter {
        void writeNow(String text) throws IOException;
    }

    /** The queues given frames on this thread while it handles a client's message; null outside {@link #holdWhile}. */
    private static final ThreadLocal<List<OutboundQueue>> HELD = new ThreadLocal<>();
    /** What runs on this thread once the held frames are written ({@link #afterHeldFrames}); null outside {@link #holdWhile}. */
    private static final ThreadLocal<List<Runnable>> AFTER = new ThreadLocal<>();
    /** The queues given frames on this thread while it handles a socket's close; null outside {@link #deferWhile}. */
    private static final ThreadLocal<List<OutboundQueue>> DEFERRED = new ThreadLocal<>();

    private final Writer writer;
    /** Null: every frame goes through {@link #writer}. */
    private final BlockingWriter blockingWriter;
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
    /** When the blocking write in progress started (System.nanoTime()); 0 when none is. */
    private volatile long blockedSince;

    /**
     * Frames held by {@link #holdWhile} go through {@code blockingWriter}, the others through
     * {@code writer}; with a null {@code blockingWriter} every frame goes through {@code writer}.
     */
    OutboundQueue(Writer writer, BlockingWriter blockingWriter, int limit, Runnable onOverflow, Consumer<Throwable> onFailure) {
        this.writer = writer;
        this.blockingWriter = blockingWriter;
        this.limit = limit;
        this.onOverflow = onOverflow;
        this.onFailure = onFailure;
    }

    /**
     * Runs {@code body} (the handling of one client message), holding the frames it gives any queue
     * with a blocking writer; then writes them on this thread, {@code own}'s first (the client that
     * sent the message), each queue's in order; then runs what the body left for after them
     * ({@link #afterHeldFrames}). Inside another {@code holdWhile} or a {@link #deferWhile} it only
     * runs the body.
     */
    static void holdWhile(OutboundQueue own, Runnable body) {
        if (heldOrDeferred()) {
            body.run();
            return;
        }
        List<OutboundQueue> held = new ArrayList<>(2);
        held.add(own);
        List<Runnable> after = new ArrayList<>(1);
        HELD.set(held);
        AFTER.set(after);
        try {
            body.run();
        } finally {
            HELD.remove();
            AFTER.remove();
            for (OutboundQueue queue : held) {
                queue.drain(true);
            }
            for (Runnable task : after) {
                try {
                    holdWhile(own, task);
                } catch (RuntimeException e) {
                    // The message itself was handled and answered; this is work it left for after.
                    LOG.log(Level.WARNING, "a task left for after a message's frames failed", e);
                }
            }
        }
    }

    /**
     * Runs {@code body} (the handling of a socket's close); the frames it gives any queue are queued
     * at once, in order, but their writes start {@code delayMillis} later on {@code scheduler} (or at
     * once when the scheduler refuses the task, as it does while the application stops), unless a
     * write to that queue starts earlier for another reason. A queue closed meanwhile writes nothing.
     * Inside {@link #holdWhile} or another {@code deferWhile} it only runs the body.
     */
    static void deferWhile(Runnable body, ScheduledExecutorService scheduler, long delayMillis) {
        if (heldOrDeferred()) {
            body.run();
            return;
        }
        List<OutboundQueue> deferred = new ArrayList<>(1);
        DEFERRED.set(deferred);
        try {
            body.run();
        } finally {
            DEFERRED.remove();
            if (!deferred.isEmpty()) {
                Runnable drainAll = () -> deferred.forEach(queue -> queue.drain(false));
                try {
                    scheduler.schedule(drainAll, delayMillis, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException | IllegalStateException stopping) {
                    drainAll.run();
                }
            }
        }
    }

    /** Whether this thread is inside {@link #holdWhile} or {@link #deferWhile}. */
    private static boolean heldOrDeferred() {
        return HELD.get() != null || DEFERRED.get() != null;
    }

    /**
     * Runs {@code task} on this thread once the frames held by the enclosing {@link #holdWhile} are
     * written, holding and then writing the frames it gives in turn; at once outside {@code holdWhile}.
     */
    static void afterHeldFrames(Runnable task) {
        List<Runnable> after = AFTER.get();
        if (after == null) {
            task.run();
        } else {
            after.add(task);
        }
    }

    /**
     * Queues a frame; returns false when the connection is closed or was just cut off for
     * overflowing. Its write starts now, inside {@link #holdWhile} once the message is handled, inside
     * {@link #deferWhile} a moment later.
     */
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
        List<OutboundQueue> held = blockingWriter == null ? null : HELD.get();
        List<OutboundQueue> waiting = held != null ? held : DEFERRED.get();
        if (waiting == null) {
            drain(false);
        } else if (!waiting.contains(this)) {
            waiting.add(this);
        }
        return true;
    }

    /** Refuses further frames, writes those already queued, then runs {@code then} (once). */
    void finish(Runnable then) {
        if (closed.get() || !finishing.compareAndSet(false, true)) {
            return;
        }
        afterLastFrame = then;
        frames.add(FINISH);
        drain(false);
    }

    /** Drops what is queued and refuses further frames. */
    void close() {
        closed.set(true);
        frames.clear();
    }

    int size() {
        return queued.get();
    }

    /** How long the blocking write in progress has waited for the client (0 when none is in progress). */
    long blockedForNanos(long nowNanos) {
        long since = blockedSince;
        return since == 0 ? 0 : nowNanos - since;
    }

    /*
     * One write in flight at a time. An asynchronous write may complete inline (inside write()) or
     * later on another thread; the handshake on `inline` makes the loop continue in the first case
     * instead of recursing, so a long queue never deepens the stack. `blocking`: write on this thread
     * (only from holdWhile); the completion of an asynchronous write goes on asynchronously.
     */
    private void drain(boolean blocking) {
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
            if (blocking && blockingWriter != null) {
                if (!writeNow(next)) {
                    return;
                }
                continue;
            }
            AtomicInteger inline = new AtomicInteger(); // 0 pending, 1 completed inside write(), 2 write() returned first
            try {
                writer.write(next, failure -> {
                    writing.set(false);
                    if (failure != null) {
                        fail(failure);
                    }
                    if (!inline.compareAndSet(0, 1)) {
                        drain(false);
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

    /** One blocking write, while this thread holds {@code writing}; false when it failed (the queue is closed). */
    private boolean writeNow(String frame) {
        blockedSince = System.nanoTime() | 1;
        try {
            blockingWriter.writeNow(frame);
            return true;
        } catch (IOException | RuntimeException e) {
            fail(e);
            return false;
        } finally {
            blockedSince = 0;
            writing.set(false);
        }
    }

    private void fail(Throwable failure) {
        if (closed.compareAndSet(false, true)) {
            frames.clear();
            onFailure.accept(failure);
        }
    }
}
