package com.solduel.ws;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The in-app fan-out baseline of the game-socket benchmark (SPEC §14; tools/load): deployed only
 * when {@code solduel.bench.fanout-enabled} is true (never in production). Sockets join a room by
 * {@code ?room=NAME}; each {@code {"type":"act","seq":N}} a socket sends is answered with the frames a
 * game action costs — {@code solduel.bench.fanout-frames} frames of about 300 bytes to every socket of
 * the room, through the same per-connection {@link OutboundQueue} and the same writes as the game
 * socket (blocking ones on the message's thread once it is handled, or asynchronous ones, as
 * {@code solduel.ws.sync-sends} says), the last one carrying {@code seq} — and nothing else: no game hall, database or Redis. So
 * the benchmark measures the same sockets and frame rate as its games on the container alone, in the
 * same run.
 */
public class BenchFanoutEndpoint extends Endpoint {

    public static final String PATH = "/bench/fanout";
    static final String ENABLED = "solduel.bench.fanout-enabled";
    private static final Pattern ROOM = Pattern.compile("(?:^|&)room=([A-Za-z0-9_-]{1,64})(?:&|$)");
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d{1,18})");
    /** About the size of a turn_result frame. */
    private static final String PADDING = "x".repeat(240);

    private static final Map<String, List<OutboundQueue>> ROOMS = new ConcurrentHashMap<>();

    private final int frames = org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getOptionalValue("solduel.bench.fanout-frames", Integer.class).orElse(3);
    private final boolean syncSends = CDI.current().select(WebSocketSettings.class).get().syncSends();

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        Matcher room = ROOM.matcher(Optional.ofNullable(session.getQueryString()).orElse(""));
        if (!room.find()) {
            close(session, "name a room: ?room=NAME");
            return;
        }
        OutboundQueue queue = new OutboundQueue(
                (text, done) -> session.getAsyncRemote().sendText(text, result -> done.accept(result.isOK() ? null
                        : Optional.ofNullable(result.getException()).orElseGet(() -> new IOException("send failed")))),
                syncSends ? text -> session.getBasicRemote().sendText(text) : null,
                1000, () -> close(session, "too many unread frames"), failure -> close(session, "write failed"));
        List<OutboundQueue> members = ROOMS.computeIfAbsent(room.group(1), r -> new CopyOnWriteArrayList<>());
        members.add(queue);
        session.getUserProperties().put("room", room.group(1));
        session.getUserProperties().put("queue", queue);
        // Written like a game's frames: on the thread of the message that caused them, once it is handled.
        session.addMessageHandler(String.class,
                (MessageHandler.Whole<String>) text -> OutboundQueue.holdWhile(queue, () -> act(members, text)));
    }

    private void act(List<OutboundQueue> members, String text) {
        Matcher seq = SEQ.matcher(text);
        String id = seq.find() ? seq.group(1) : "0";
        for (int i = 1; i <= frames; i++) {
            String frame = "{\"type\":\"fanout\",\"seq\":" + id + ",\"frame\":" + i + ",\"of\":" + frames
                    + ",\"padding\":\"" + PADDING + "\"}";
            for (OutboundQueue member : members) {
                member.offer(frame);
            }
        }
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        Object room = session.getUserProperties().get("room");
        Object queue = session.getUserProperties().get("queue");
        if (room != null && queue instanceof OutboundQueue q) {
            q.close();
            ROOMS.computeIfPresent((String) room, (r, members) -> {
                members.remove(q);
                return members.isEmpty() ? null : members;
            });
        }
    }

    private static void close(Session session, String why) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, why));
        } catch (IOException ignored) {
            // already closing
        }
    }
}
