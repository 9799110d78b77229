package com.solduel.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A game client for the tests: the JDK's WebSocket client on {@code /ws/game}, every frame it
 * receives kept in order, and {@link #await} to take the next frame of a type.
 */
final class GameSocket implements WebSocket.Listener, AutoCloseable {

    static final URI ENDPOINT = URI.create(TestEnvironment.BASE_URL.replaceFirst("^http", "ws") + "/ws/game");
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** How the server closed the socket. */
    record Closed(int code, String reason) {
    }

    private final List<JsonObject> inbox = new ArrayList<>();
    private final List<Boolean> taken = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private WebSocket socket;
    private int clientSeq;

    private GameSocket() {
    }

    /** Opens a socket with {@code Authorization: Bearer token} and waits for the server's welcome. */
    static GameSocket connect(String token) {
        return open(ENDPOINT, token);
    }

    /** Opens a socket with the token as a query parameter, as a browser must. */
    /** A socket to a given server node (see {@link LibertyNode}). */
    static GameSocket connect(URI endpoint, String token) {
        return open(endpoint, token);
    }

    static GameSocket connectWithQueryToken(String token) {
        return open(URI.create(ENDPOINT + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)), null);
    }

    private static GameSocket open(URI uri, String bearer) {
        GameSocket client = new GameSocket();
        WebSocket.Builder builder = CLIENT.newWebSocketBuilder().connectTimeout(TIMEOUT);
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        client.socket = builder.buildAsync(uri, client).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        client.await("welcome");
        return client;
    }

    /** Opens a socket with these handshake headers (and no token unless they carry one). */
    static GameSocket connectWithHeaders(URI uri, java.util.Map<String, String> headers) {
        GameSocket client = new GameSocket();
        WebSocket.Builder builder = CLIENT.newWebSocketBuilder().connectTimeout(TIMEOUT);
        headers.forEach(builder::header);
        client.socket = builder.buildAsync(uri, client).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        client.await("welcome");
        return client;
    }

    /** Opens a socket without waiting for the welcome: for sockets the server may close at once. */
    static GameSocket open(String token) {
        GameSocket client = new GameSocket();
        client.socket = CLIENT.newWebSocketBuilder().connectTimeout(TIMEOUT).header("Authorization", "Bearer " + token)
                .buildAsync(ENDPOINT, client).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        return client;
    }

    /** The HTTP status of a refused handshake (the socket must not open). */
    static int refusedHandshakeStatus(URI uri, String bearer) {
        WebSocket.Builder builder = CLIENT.newWebSocketBuilder().connectTimeout(TIMEOUT);
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        try {
            WebSocket opened = builder.buildAsync(uri, new GameSocket()).join();
            opened.abort();
            throw new AssertionError("the handshake to " + uri + " was accepted");
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    // ---- commands ----

    void send(String text) {
        socket.sendText(text, true).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    void send(JsonObject frame) {
        send(frame.toString());
    }

    void join(long gameId) {
        send(Json.createObjectBuilder().add("type", "join_game").add("gameId", gameId).build());
    }

    void join(long gameId, long sinceVersion) {
        send(Json.createObjectBuilder().add("type", "join_game").add("gameId", gameId).add("sinceVersion", sinceVersion).build());
    }

    void watch(long gameId) {
        send(Json.createObjectBuilder().add("type", "watch_game").add("gameId", gameId).build());
    }

    /** Submits with the next clientSeq of this socket; returns that clientSeq. */
    int submit(long gameId, int turn, String action) {
        return submit(gameId, ++clientSeq, turn, action);
    }

    int submit(long gameId, int seq, int turn, String action) {
        clientSeq = Math.max(clientSeq, seq);
        send(Json.createObjectBuilder().add("type", "submit_action").add("gameId", gameId).add("clientSeq", seq)
                .add("turn", turn).add("action", action).build());
        return seq;
    }

    /**
     * Sends one message as several frames: the first a text frame, the others continuation frames.
     * Returns how many parts went out before the server closed the socket.
     */
    int sendFragmented(List<String> parts) {
        for (int i = 0; i < parts.size(); i++) {
            try {
                socket.sendText(parts.get(i), i == parts.size() - 1).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
            } catch (CompletionException closedMeanwhile) {
                return i;
            }
            if (closed.isDone()) {
                return i + 1;
            }
        }
        return parts.size();
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(bytes), true).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** Drops the connection without a close handshake, like a phone losing its network. */
    void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    // ---- what arrived ----

    /** The next frame of {@code type} not taken yet, waiting up to 10 s for it. */
    JsonObject await(String type) {
        return await(type, frame -> true);
    }

    JsonObject await(String type, Predicate<JsonObject> matching) {
        return await(type, matching, TIMEOUT);
    }

    synchronized JsonObject await(String type, Predicate<JsonObject> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (int i = 0; i < inbox.size(); i++) {
                JsonObject frame = inbox.get(i);
                if (!taken.get(i) && type.equals(frame.getString("type", "")) && matching.test(frame)) {
                    taken.set(i, true);
                    return frame;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || closed.isDone()) {
                throw new AssertionError("no '" + type + "' frame within " + timeout.toSeconds() + " s"
                        + (closed.isDone() ? " (socket closed: " + closed.join() + ")" : "") + "; received: " + inbox);
            }
            try {
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Every frame received so far, in order. */
    synchronized List<JsonObject> received() {
        return List.copyOf(inbox);
    }

    /** How the server closed the socket, waiting up to 10 s. */
    Closed awaitClose() {
        try {
            return closed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the server did not close the socket within " + TIMEOUT.toSeconds() + " s");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    boolean isClosed() {
        return closed.isDone();
    }

    // ---- WebSocket.Listener ----

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            JsonObject frame;
            try (var reader = Json.createReader(new StringReader(text))) {
                frame = reader.readObject();
            }
            synchronized (this) {
                inbox.add(frame);
                taken.add(false);
                notifyAll();
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        synchronized (this) {
            notifyAll();
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(new Closed(-1, String.valueOf(error)));
        synchronized (this) {
            notifyAll();
        }
    }
}
