package com.solduel.it;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A raw game socket for {@link FuzzIT}: sends anything, keeps every text frame as text (a fuzzed
 * answer need not be JSON) and how the server closed it; a send on a closed socket is dropped.
 */
final class FuzzSocket implements WebSocket.Listener {

    /** How the server closed the socket (-1 when the connection broke without a close frame). */
    record Closed(int code, String reason) {
    }

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final List<String> texts = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final CompletableFuture<Void> welcomed = new CompletableFuture<>();
    private boolean closeRecorded;
    private WebSocket socket;

    private FuzzSocket() {
    }

    /** Opens a socket with a Bearer token and waits for the welcome. */
    static FuzzSocket connect(String token) {
        FuzzSocket client = new FuzzSocket();
        client.socket = CLIENT.newWebSocketBuilder().connectTimeout(GameSocket.TIMEOUT).header("Authorization", "Bearer " + token)
                .buildAsync(GameSocket.ENDPOINT, client).orTimeout(GameSocket.TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        CompletableFuture.anyOf(client.welcomed, client.closed).orTimeout(GameSocket.TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        if (!client.welcomed.isDone()) {
            throw new AssertionError("no welcome on a fresh socket: " + client.closed.join());
        }
        return client;
    }

    void send(String text) {
        if (isClosed()) {
            return;
        }
        try {
            socket.sendText(text, true).orTimeout(GameSocket.TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        } catch (CompletionException closedMeanwhile) {
            closed.complete(new Closed(-1, "send failed after close: " + closedMeanwhile.getCause()));
        }
    }

    void sendBinary(byte[] bytes) {
        if (isClosed()) {
            return;
        }
        try {
            socket.sendBinary(ByteBuffer.wrap(bytes), true).orTimeout(GameSocket.TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        } catch (CompletionException closedMeanwhile) {
            closed.complete(new Closed(-1, "send failed after close: " + closedMeanwhile.getCause()));
        }
    }

    void sendFragmented(List<String> parts) {
        for (int i = 0; i < parts.size() && !isClosed(); i++) {
            try {
                socket.sendText(parts.get(i), i == parts.size() - 1).orTimeout(GameSocket.TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
            } catch (CompletionException closedMeanwhile) {
                closed.complete(new Closed(-1, "send failed after close: " + closedMeanwhile.getCause()));
            }
        }
    }

    boolean isClosed() {
        return closed.isDone();
    }

    int closeCode() {
        return closed.isDone() ? closed.join().code() : 0;
    }

    /** The text frames received since the last call. */
    synchronized List<String> takeTexts() {
        List<String> taken = List.copyOf(texts);
        texts.clear();
        return taken;
    }

    synchronized List<String> peekTexts() {
        return List.copyOf(texts);
    }

    /** How the socket was closed, reported once; null while it is open or after it was reported. */
    synchronized Closed closedOnce() {
        if (!closed.isDone() || closeRecorded) {
            return null;
        }
        closeRecorded = true;
        return closed.join();
    }

    void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        synchronized (this) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                if (!welcomed.isDone() && text.contains("\"welcome\"")) {
                    welcomed.complete(null);
                } else {
                    texts.add(text);
                }
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        synchronized (this) {
            texts.add("binary frame from the server");
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(new Closed(-1, String.valueOf(error)));
    }
}
