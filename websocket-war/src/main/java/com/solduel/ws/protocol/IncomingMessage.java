package com.solduel.ws.protocol;

/**
 * One client message as it arrives in parts (a text frame and its continuation frames), held
 * only up to {@code maxBytes} of UTF-8: the part that takes it over the limit is not kept, and
 * the caller closes the socket (1009) instead of buffering more. The container delivers a
 * connection's parts one at a time, so it needs no locking.
 */
public final class IncomingMessage {

    /** What the caller does with the part just offered. */
    public enum Progress {
        /** More parts follow; nothing to handle yet. */
        INCOMPLETE,
        /** The message is whole: take it with {@link #take()}. */
        COMPLETE,
        /** The message passed the size limit; nothing of it is kept. */
        TOO_BIG
    }

    private final int maxBytes;
    private final StringBuilder text = new StringBuilder();
    private int bytes;
    private boolean started;

    public IncomingMessage(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** True when the next part offered begins a new message (so the rate limit counts it once). */
    public boolean atStart() {
        return !started;
    }

    /** Adds one part; {@code last} is the container's flag for the message's final part. */
    public Progress offer(String part, boolean last) {
        started = true;
        int added = utf8Length(part);
        if (added > maxBytes - bytes) {
            reset();
            return Progress.TOO_BIG;
        }
        bytes += added;
        text.append(part);
        return last ? Progress.COMPLETE : Progress.INCOMPLETE;
    }

    /** The whole message, and a fresh start for the next one. */
    public String take() {
        String whole = text.toString();
        reset();
        return whole;
    }

    private void reset() {
        text.setLength(0);
        bytes = 0;
        started = false;
    }

    private static int utf8Length(String part) {
        int length = 0;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < part.length() && Character.isLowSurrogate(part.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }
}
