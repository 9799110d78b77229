package com.solduel.ws;

import com.solduel.game.live.GameHall;
import com.solduel.game.live.GameListener;
import com.solduel.game.live.NodeRegistry;
import com.solduel.game.live.OwnedGames;
import com.solduel.game.table.GameMessage;
import com.solduel.game.table.GameRefusedException;
import com.solduel.game.table.StateSnapshot;
import com.solduel.game.table.VersionedEvent;
import com.solduel.infra.redis.RedisConnection;
import com.solduel.player.WalletAddress;
import com.solduel.shared.SolDuelException;
import com.solduel.shared.SolDuelException.Kind;
import com.solduel.ws.protocol.GameWire;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * Plays games owned by other nodes for this node's connections, and this node's games for other
 * nodes' connections, over Redis pub/sub. Each node listens on {@code solduel:node:{id}}:
 * <ul>
 * <li>a connection here following a game owned elsewhere sends its commands (join, watch,
 * submit, leave) to the owner and waits for the answer; the owner runs them against its game
 * hall with a stand-in listener that publishes every frame back to this node, in order, tagged
 * with the subscription and the frame's version;</li>
 * <li>when the owner changes (it died, or lost its lease), the subscription follows the game on
 * its new owner from the last version it passed on, so nothing is missed or told twice;</li>
 * <li>games that have not started have no owner: their followers wait on the node of their
 * connection, which hears {@link GameHall#STARTED_CHANNEL} (follow it on its owner now) and
 * {@link GameHall#DEPOSITS_CHANNEL} (a wagered game's deposits opened, one was credited, or it was
 * cancelled).</li>
 * </ul>
 * The same code runs with one node (nothing is ever relayed) and with several.
 */
@ApplicationScoped
public class NodeRelay {

    /** How long a command waits for the owning node's answer. */
    static final long ANSWER_MILLIS = 3_000;
    /** How often this node checks that the owners of the games it relays are still the owners. */
    static final long WATCH_MILLIS = 1_000;
    private static final String FRAME = "F|";

    private static final Logger LOG = Logger.getLogger(NodeRelay.class.getName());
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());
    /** Looked up once: each of Json's static methods looks the provider up again (a ServiceLoader search). */
    private static final JsonProvider JSONP = JsonProvider.provider();

    @Inject
    RedisConnection redis;

    @Inject
    GameHall hall;

    @Inject
    OwnedGames owned;

    @Inject
    NodeRegistry nodes;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    ManagedScheduledExecutorService executor;

    /** On the origin: subscriptions following a game owned elsewhere, by subscription id. */
    private final Map<String, PlayerConnection.Subscription> away = new ConcurrentHashMap<>();
    /** On the origin: subscriptions that must follow their game elsewhere but could not yet. */
    private final Map<String, PlayerConnection.Subscription> stranded = new ConcurrentHashMap<>();
    /** On the owner: stand-ins for other nodes' subscriptions, by origin node and subscription id. */
    private final Map<String, RemoteListener> hosted = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<JsonObject>> answers = new ConcurrentHashMap<>();
    private volatile Consumer<PlayerConnection.Subscription> reroute = s -> { };
    private volatile boolean running = true;
    private volatile Jedis listening;
    private ScheduledFuture<?> watch;

    static String channel(String nodeId) {
        return "solduel:node:" + nodeId;
    }

    /** Starts listening when the application starts, before the first connection. */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // creating the bean is the point: @PostConstruct starts the listener
    }

    @PostConstruct
    void start() {
        threads.newThread(this::listen).start();
        watch = executor.scheduleWithFixedDelay(this::watchOwners, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        running = false;
        watch.cancel(false);
        Jedis connection = listening;
        if (connection != null) {
            connection.close();
        }
    }

    /** Who follows a game on its new owner when it moved (set by the command router). */
    void onMoved(Consumer<PlayerConnection.Subscription> reroute) {
        this.reroute = reroute;
    }

    // ---- the origin: following a game owned elsewhere ----

    /** Follows the game of {@code subscription} on {@code owner}; throws the owner's refusal. */
    void follow(String owner, PlayerConnection.Subscription subscription, WalletAddress wallet, OptionalLong since) {
        // Registered before asking: the owner's frames may arrive before its answer.
        subscription.followedOn(owner);
        away.put(subscription.id(), subscription);
        try {
            JsonObjectBuilder command = command(subscription.seated() ? "join" : "watch", subscription)
                    .add("wallet", wallet.value());
            since.ifPresent(v -> command.add("since", v));
            ask(owner, command);
            stranded.remove(subscription.id());
        } catch (RuntimeException refused) {
            away.remove(subscription.id(), subscription);
            subscription.followedOn(null);
            throw refused;
        }
    }

    /** A player's action in a game owned elsewhere; throws the owner's refusal. */
    void submit(PlayerConnection.Subscription subscription, WalletAddress wallet, int clientSeq, int turn, String action) {
        ask(subscription.owner(), command("submit", subscription).add("wallet", wallet.value())
                .add("clientSeq", clientSeq).add("turn", turn).add("action", action));
    }

    /** Stops following a game owned elsewhere. */
    void leave(PlayerConnection.Subscription subscription) {
        stranded.remove(subscription.id());
        if (away.remove(subscription.id()) != null && subscription.owner() != null) {
            tell(subscription.owner(), command("leave", subscription).build().toString());
        }
    }

    /** A subscription that has to follow its game elsewhere but could not yet: retried every second. */
    void strand(PlayerConnection.Subscription subscription) {
        away.remove(subscription.id());
        stranded.put(subscription.id(), subscription);
    }

    private JsonObjectBuilder command(String op, PlayerConnection.Subscription subscription) {
        return JSON.createObjectBuilder().add("t", "cmd").add("op", op).add("from", owned.nodeId())
                .add("listener", subscription.id()).add("gameId", subscription.gameId());
    }

    private void ask(String owner, JsonObjectBuilder command) {
        String request = UUID.randomUUID().toString();
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        answers.put(request, answer);
        try {
            if (tell(owner, command.add("req", request).build().toString()) == 0) {
                throw unavailable("its server is gone");
            }
            JsonObject reply = answer.get(ANSWER_MILLIS, TimeUnit.MILLISECONDS);
            if (!reply.getBoolean("ok")) {
                throw new GameRefusedException(reply.getString("code"), Kind.valueOf(reply.getString("kind")),
                        reply.getString("message"));
            }
        } catch (TimeoutException e) {
            throw unavailable("its server did not answer in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw unavailable(e.getCause().getMessage());
        } finally {
            answers.remove(request);
        }
    }

    private static GameRefusedException unavailable(String why) {
        return new GameRefusedException("game-unavailable", Kind.UNAVAILABLE,
                "the game is moving to another server (" + why + "); send the same frame again in a second");
    }

    /** Publishes to a node's channel; returns how many listeners got it (0: that node is not listening). */
    private long tell(String node, String message) {
        return redis.client().publish(channel(node), message);
    }

    /** Follows again every relayed game whose owner changed or died, and retries the stranded ones. */
    private void watchOwners() {
        try {
            for (PlayerConnection.Subscription subscription : away.values()) {
                String owner = subscription.owner();
                if (owner == null) {
                    continue;
                }
                boolean moved = !nodes.alive(owner) || owned.remoteOwner(subscription.gameId())
                        .map(current -> !current.equals(owner)).orElse(true);
                if (moved) {
                    away.remove(subscription.id(), subscription);
                    subscription.followedOn(null);
                    reroute.accept(subscription);
                }
            }
            stranded.values().forEach(subscription -> {
                stranded.remove(subscription.id());
                reroute.accept(subscription);
            });
            // The owner's side: stand-ins whose node died no longer count as connected.
            for (RemoteListener listener : hosted.values()) {
                if (!nodes.alive(listener.origin)) {
                    hosted.remove(listener.key());
                    hall.leave(listener);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "checking the owners of relayed games failed: " + e.getMessage());
        }
    }

    // ---- listening ----

    private void listen() {
        while (running) {
            try (Jedis connection = redis.subscriberConnection()) {
                listening = connection;
                connection.subscribe(new JedisPubSub() {
                    @Override
                    public void onMessage(String channel, String message) {
                        heard(channel, message);
                    }

                    @Override
                    public void onSubscribe(String channel, int subscribedChannels) {
                        if (subscribedChannels == 3) {
                            // Frames published while this node was not listening are lost: catch up.
                            executor.execute(NodeRelay.this::catchUp);
                        }
                    }
                }, channel(owned.nodeId()), GameHall.STARTED_CHANNEL, GameHall.DEPOSITS_CHANNEL);
            } catch (RuntimeException e) {
                if (running) {
                    LOG.log(Level.WARNING, "not listening to other nodes (" + e.getMessage() + "); retrying in 1 s");
                    sleep();
                }
            }
        }
    }

    private void catchUp() {
        away.values().forEach(subscription -> {
            away.remove(subscription.id(), subscription);
            reroute.accept(subscription);
        });
    }

    private void heard(String channel, String message) {
        try {
            if (GameHall.DEPOSITS_CHANNEL.equals(channel)) {
                // On this thread, not the executor: a credit is told before the game_started that may follow it.
                hall.heardDepositNotice(message);
            } else if (GameHall.STARTED_CHANNEL.equals(channel)) {
                long gameId = Long.parseLong(message);
                executor.execute(() -> hall.takeWaiting(gameId).keySet().forEach(listener -> {
                    if (listener instanceof PlayerConnection.Subscription subscription) {
                        reroute.accept(subscription);
                    }
                }));
            } else if (message.startsWith(FRAME)) {
                int idEnd = message.indexOf('|', FRAME.length());
                int versionEnd = message.indexOf('|', idEnd + 1);
                PlayerConnection.Subscription subscription = away.get(message.substring(FRAME.length(), idEnd));
                if (subscription != null) {
                    subscription.deliverRelayed(message.substring(versionEnd + 1),
                            Long.parseLong(message.substring(idEnd + 1, versionEnd)));
                }
            } else {
                JsonObject json;
                try (var reader = JSONP.createReader(new StringReader(message))) {
                    json = reader.readObject();
                }
                switch (json.getString("t")) {
                    case "cmd" -> executor.execute(() -> run(json));
                    case "reply" -> {
                        CompletableFuture<JsonObject> answer = answers.get(json.getString("req"));
                        if (answer != null) {
                            answer.complete(json);
                        }
                    }
                    case "moved" -> {
                        PlayerConnection.Subscription subscription = away.remove(json.getString("listener"));
                        if (subscription != null) {
                            subscription.followedOn(null);
                            executor.execute(() -> reroute.accept(subscription));
                        }
                    }
                    default -> LOG.fine(() -> "unknown relay message " + message);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a relay message could not be handled: " + e.getMessage());
        }
    }

    // ---- the owner: running another node's commands ----

    private void run(JsonObject command) {
        String origin = command.getString("from");
        String listenerId = command.getString("listener");
        long gameId = command.getJsonNumber("gameId").longValue();
        JsonObjectBuilder reply = JSON.createObjectBuilder().add("t", "reply").add("req", command.getString("req", ""));
        try {
            String key = origin + "|" + listenerId;
            switch (command.getString("op")) {
                case "join", "watch" -> {
                    RemoteListener listener = hosted.computeIfAbsent(key, k -> new RemoteListener(origin, listenerId));
                    OptionalLong since = command.containsKey("since")
                            ? OptionalLong.of(command.getJsonNumber("since").longValue()) : OptionalLong.empty();
                    try {
                        if ("join".equals(command.getString("op"))) {
                            hall.connect(gameId, WalletAddress.of(command.getString("wallet")), since, listener);
                        } else {
                            hall.watch(gameId, since, listener);
                        }
                    } catch (RuntimeException refused) {
                        hosted.remove(key, listener);
                        throw refused;
                    }
                }
                case "submit" -> hall.submit(gameId, WalletAddress.of(command.getString("wallet")),
                        command.getInt("clientSeq"), command.getInt("turn"), command.getString("action"))
                        .ifPresent(Runnable::run);
                case "leave" -> {
                    RemoteListener listener = hosted.remove(key);
                    if (listener != null) {
                        hall.leave(listener);
                    }
                }
                default -> throw new IllegalArgumentException("unknown relayed command " + command.getString("op"));
            }
            reply.add("ok", true);
        } catch (SolDuelException refused) {
            reply.add("ok", false).add("code", refused.code()).add("kind", refused.kind().name())
                    .add("message", refused.getMessage());
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "a command relayed for game " + gameId + " failed", failed);
            reply.add("ok", false).add("code", "internal-error").add("kind", Kind.UNAVAILABLE.name())
                    .add("message", "the server failed to handle this frame; send join_game to resynchronise");
        }
        if (command.containsKey("req")) {
            tell(origin, reply.build().toString());
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** On the owner: another node's subscription, which gets the game's frames over Redis. */
    private final class RemoteListener implements GameListener {

        private final String origin;
        private final String listenerId;

        RemoteListener(String origin, String listenerId) {
            this.origin = origin;
            this.listenerId = listenerId;
        }

        String key() {
            return origin + "|" + listenerId;
        }

        @Override
        public void deliver(GameMessage message) {
            long version = message instanceof VersionedEvent event ? event.version()
                    : message instanceof StateSnapshot state ? state.version() : -1;
            try {
                tell(origin, FRAME + listenerId + "|" + version + "|" + GameWire.text(message));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a frame for node " + origin + " was not relayed: " + e.getMessage());
            }
        }

        @Override
        public void moved(long gameId) {
            hosted.remove(key(), this);
            tell(origin, JSON.createObjectBuilder().add("t", "moved").add("listener", listenerId).build().toString());
        }
    }
}
