package com.solduel.load;

import com.solduel.solana.Base58;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Load for the game socket: signs in {@code 2 × games} wallets, opens a socket for each, pairs
 * them into private challenges and plays random legal moves until every game ends or the time
 * limit. Prints the connections, the games, and the latency from the action that completes a turn
 * to the {@code turn_result} at each player, next to a baseline measured at the same time on the
 * same sockets (a {@code ping} per player per second → {@code pong}: the endpoint without the game hall).
 *
 * <p>Loopback only: it refuses any host but localhost/127.0.0.1. See tools/load/README.md.
 */
public final class GameLoad {

    private static final String[] RPS = {"ROCK", "PAPER", "SCISSORS"};
    /** Always legal in DUEL (no energy or heal limits), so a random pick never needs the board. */
    private static final String[] DUEL = {"ATTACK", "BLOCK"};

    private final URI base;
    private final int games;
    private final Duration limit;
    private final int thinkMillis;
    private final int paceMillis;
    private final int idle;
    private final long serverPid;
    private final boolean fanout;
    private final HttpClient http;
    private final ExecutorService callbacks = Executors.newFixedThreadPool(8, GameLoad::daemon);
    /**
     * The sockets' HTTP clients: a JDK HttpClient reads and writes all its connections on one
     * selector thread, which with hundreds of sockets queues frames inside this client (a Node
     * probe beside it saw pings answered in 18 ms p99 where one shared client measured 400 ms).
     */
    private final List<HttpClient> socketClients = new ArrayList<>();
    private final AtomicInteger socketsOpened = new AtomicInteger();
    private final ScheduledExecutorService players = Executors.newScheduledThreadPool(4, GameLoad::daemon);
    private final SecureRandom random = new SecureRandom();

    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger peakOpen = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicInteger turns = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger unexpectedCloses = new AtomicInteger();
    private final List<Long> turnLatencies = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> ackLatencies = Collections.synchronizedList(new ArrayList<>());
    /** The turns that ended a game: their last action to turn_result, and to game_over. */
    private final List<Long> decidingTurnLatencies = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> gameOverLatencies = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> pingLatencies = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> fanoutLatencies = Collections.synchronizedList(new ArrayList<>());
    private final Map<Long, FanoutAct> fanoutActs = new ConcurrentHashMap<>();
    private final AtomicLong fanoutSeq = new AtomicLong();
    private volatile boolean playing;
    /** Latencies and turns count only while this is on: from the start in a one-shot run, after the ramp-up in a continuous one. */
    private volatile boolean recording = true;
    /** A continuous run starts no new game once this is on. */
    private volatile boolean stopping;
    private final boolean continuous;
    /** Where a continuous run writes its figures every {@link #timelineSeconds} (CSV), or null. */
    private final java.nio.file.Path timeline;
    private final int timelineSeconds;
    /** A continuous run opens its window after this many seconds of ramp-up even if not every pair started (0: waits for all). */
    private final int rampSeconds;
    private final AtomicInteger started = new AtomicInteger();
    /** Pairs whose first game started. */
    private final AtomicInteger firstStarts = new AtomicInteger();
    private final ExecutorService restarts = Executors.newFixedThreadPool(16, GameLoad::daemon);
    private final Map<String, AtomicInteger> errorCodes = new ConcurrentHashMap<>();
    private CountDownLatch allOver;
    private List<Player> pairs;

    private GameLoad(Map<String, String> options) {
        this.base = URI.create(options.get("base"));
        this.games = Integer.parseInt(options.get("games"));
        this.limit = Duration.ofSeconds(Long.parseLong(options.get("seconds")));
        this.thinkMillis = Integer.parseInt(options.get("think-ms"));
        this.paceMillis = Integer.parseInt(options.get("pace-ms"));
        this.idle = Integer.parseInt(options.get("idle"));
        this.serverPid = Long.parseLong(options.get("server-pid"));
        this.fanout = "on".equals(options.get("fanout"));
        this.continuous = "on".equals(options.get("continuous"));
        this.timeline = options.get("timeline").isEmpty() ? null : java.nio.file.Path.of(options.get("timeline"));
        this.timelineSeconds = Integer.parseInt(options.get("timeline-seconds"));
        this.rampSeconds = Integer.parseInt(options.get("ramp-seconds"));
        if (rampSeconds < 0 || rampSeconds > 0 && !continuous) {
            throw new IllegalArgumentException("--ramp-seconds must be 0 or more, and is for --continuous=on runs only");
        }
        if (timelineSeconds < 1) {
            throw new IllegalArgumentException("--timeline-seconds must be at least 1");
        }
        this.http = HttpClient.newBuilder().executor(callbacks).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A client for the next socket: one per {@value #SOCKETS_PER_CLIENT} sockets. */
    private HttpClient socketClient() {
        int index = socketsOpened.getAndIncrement() / SOCKETS_PER_CLIENT;
        synchronized (socketClients) {
            while (socketClients.size() <= index) {
                socketClients.add(HttpClient.newBuilder().executor(callbacks).connectTimeout(Duration.ofSeconds(10)).build());
            }
            return socketClients.get(index);
        }
    }

    private static final int SOCKETS_PER_CLIENT = 50;

    /**
     * Made once: each {@code Json.createReader} looks the JSON provider up again through the
     * ServiceLoader, scanning the class path's jars under a lock; per frame that queued this client's
     * threads behind each other and inflated every latency it measured tenfold.
     */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    /** The options and their defaults; {@code usage()} explains them. */
    public static Map<String, String> defaults() {
        Map<String, String> defaults = new ConcurrentHashMap<>(Map.of("base", "http://localhost:9080", "games", "200",
                "seconds", "120", "think-ms", "300", "pace-ms", "0", "idle", "0", "server-pid", "0", "fanout", "on",
                "continuous", "off", "timeline", ""));
        defaults.put("timeline-seconds", "10");
        defaults.put("ramp-seconds", "0");
        return defaults;
    }

    private static String usage() {
        return "usage: GameLoad [--base=http://localhost:9080] [--games=200] [--seconds=120] [--think-ms=300] [--pace-ms=0]"
                + " [--idle=0] [--server-pid=0] [--fanout=on|off] [--continuous=off|on] [--timeline=FILE.csv]"
                + " [--timeline-seconds=10] [--ramp-seconds=0]";
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = defaults();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            if (pair.length != 2 || !options.containsKey(pair[0])) {
                System.err.println(usage());
                System.exit(2);
            }
            options.put(pair[0], pair[1]);
        }
        try {
            run(options);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("load run failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    /** Runs the load with these options (see {@link #defaults()}), prints its report and returns its figures. */
    public static Result run(Map<String, String> options) throws Exception {
        URI base = URI.create(options.get("base"));
        if (!"localhost".equals(base.getHost()) && !"127.0.0.1".equals(base.getHost())) {
            throw new IllegalArgumentException("GameLoad runs against loopback only, not " + base.getHost());
        }
        GameLoad load = new GameLoad(options);
        try {
            return load.run();
        } finally {
            load.players.shutdownNow();
            load.restarts.shutdownNow();
            load.callbacks.shutdownNow();
        }
    }

    /** What a run measured: games, errors and latency percentiles (ms), for a caller such as the smoke test. */
    public record Result(int games, int finished, int turns, int errorFrames, int unexpectedCloses, int peakOpen,
                         double turnP99Millis, double pingP99Millis, double fanoutP99Millis, ServerSample server) {
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "game-load");
        thread.setDaemon(true);
        return thread;
    }

    private Result run() throws Exception {
        long start = System.nanoTime();
        System.out.printf("SOL Duel game load: %d games (%d players) + %d idle sockets against %s, %s, limit %d s%n",
                games, 2 * games, idle, base, paceMillis > 0
                        ? "each player acts every " + paceMillis / 2 + "-" + paceMillis * 3 / 2 + " ms"
                        : "think time 0-" + thinkMillis + " ms", limit.toSeconds());

        List<String> tokens = parallel(2 * games + idle, i -> signIn());
        double signInsPerSecond = tokens.size() * 1000.0 / Math.max(1, millisSince(start));
        System.out.printf("signed in %d wallets in %d ms (%.0f sign-ins/s, 16 in flight)%n", tokens.size(), millisSince(start),
                signInsPerSecond);

        long connecting = System.nanoTime();
        List<Player> everyone = parallel(2 * games + idle, i -> new Player(tokens.get(i)).connect());
        System.out.printf("opened %d sockets in %d ms (server gauge sol_duel_player_connections = %s)%n",
                open.get(), millisSince(connecting), gauge("sol_duel_player_connections"));
        List<Player> idlers = everyone.subList(2 * games, everyone.size());
        // Idle players only keep their socket alive (well inside the server's 90 s idle timeout).
        idlers.forEach(p -> players.scheduleAtFixedRate(p::ping, ThreadLocalRandom.current().nextInt(20_000), 20_000,
                TimeUnit.MILLISECONDS));
        List<Player> all = everyone.subList(0, 2 * games);
        pairs = all;
        ServerSampler sampler = new ServerSampler(serverPid);
        sampler.start();

        // Baseline, under the same load: every player pings once a second while the games run; ping -> pong
        // crosses the same sockets and endpoint as an action, without the game hall.
        all.forEach(p -> players.scheduleAtFixedRate(p::ping, ThreadLocalRandom.current().nextInt(1000), 1000,
                TimeUnit.MILLISECONDS));

        // The in-app fan-out baseline (BenchFanoutEndpoint, when the server enables it): as many rooms of two
        // as games, acting at the same pace, each action answered with a game action's frames to both.
        playing = true;
        List<FanoutBot> bots = fanout ? fanoutBots() : List.of();

        allOver = new CountDownLatch(games);
        long playing = System.nanoTime();
        recording = !continuous;
        // Every pair's first game, 16 starts at a time. A continuous run with --ramp-seconds opens its window when
        // that time is up even if some pairs are still waiting for their first game (a load past the ceiling
        // never gets them all going: the pairs already playing restart as soon as a game ends).
        CompletableFuture<Void> firstGames = CompletableFuture.runAsync(() -> {
            try {
                parallel(games, i -> {
                    if (!stopping) {
                        startGame(i);
                        firstStarts.incrementAndGet();
                    }
                    return null;
                });
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, Executors.newSingleThreadExecutor(GameLoad::daemon));
        try {
            if (rampSeconds > 0) {
                firstGames.get(rampSeconds, TimeUnit.SECONDS);
            } else {
                firstGames.get();
            }
            System.out.printf("started %d games in %d ms (server gauge sol_duel_active_games_total = %s)%n",
                    games, millisSince(playing), gauge("sol_duel_active_games_total"));
        } catch (java.util.concurrent.TimeoutException e) {
            System.out.printf("ramp-up cut at %d s: %d of %d pairs had started their first game (server gauge "
                    + "sol_duel_active_games_total = %s); the rest keep starting during the window%n", rampSeconds,
                    firstStarts.get(), games, gauge("sol_duel_active_games_total"));
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof CompletionException c && c.getCause() instanceof Exception cause ? cause : e;
        }

        boolean done;
        long elapsed;
        ServerSample server;
        if (continuous) {
            // Steady state: every pair starts its next game as soon as one ends, so `games` games stay live;
            // latencies, turns and the server's CPU count from here for --seconds.
            sampler.stop();
            sampler = new ServerSampler(serverPid);
            sampler.start();
            int startedBefore = started.get();
            int finishedBefore = finished.get();
            long window = System.nanoTime();
            recording = true;
            Timeline line = timeline == null ? null : new Timeline(timeline, timelineSeconds, window);
            Thread.sleep(limit.toMillis());
            recording = false;
            if (line != null) {
                line.stop();
            }
            stopping = true;
            elapsed = millisSince(window);
            server = sampler.stop();
            done = true;
            System.out.printf("%nsteady state for %.1f s: %d games started and %d finished meanwhile (each pair starts its "
                    + "next game at once; server gauge sol_duel_active_games_total = %s)%n", elapsed / 1000.0,
                    started.get() - startedBefore, finished.get() - finishedBefore, gauge("sol_duel_active_games_total"));
        } else {
            done = allOver.await(limit.toSeconds(), TimeUnit.SECONDS);
            elapsed = millisSince(playing);
            server = sampler.stop();
        }
        this.playing = false;
        System.out.println();
        if (continuous) {
            System.out.printf("games finished      %d since the start (%d pairs playing game after game)%n", finished.get(), games);
        } else {
            System.out.printf("games finished      %d of %d%s in %.1f s%n", finished.get(), games,
                    done ? "" : " (time limit reached)", elapsed / 1000.0);
        }
        System.out.printf("turns resolved      %d (%.0f per second)%n", turns.get(), turns.get() * 1000.0 / elapsed);
        System.out.printf("sockets             %d open at peak, %d closed unexpectedly%n", peakOpen.get(), unexpectedCloses.get());
        System.out.printf("error frames        %d %s%n", errors.get(), errorCodes);
        System.out.println();
        System.out.println("latency (ms)                         n      p50      p90      p99      max");
        print("ping -> pong (baseline)", pingLatencies);
        print("submit -> action_accepted", ackLatencies);
        print("last action -> turn_result", turnLatencies);
        print("  of a game's last turn", decidingTurnLatencies);
        print("  ... -> game_over", gameOverLatencies);
        if (!bots.isEmpty()) {
            print("act -> fan-out at both (app)", fanoutLatencies);
        }
        double ratio = percentile(turnLatencies, 99) / Math.max(1e-3, percentile(pingLatencies, 99));
        System.out.printf("%nturn_result p99 / ping baseline p99 = %.1f%n", ratio);
        if (!bots.isEmpty()) {
            System.out.printf("turn_result p99 / fan-out baseline p99 = %.1f (SPEC §14 target: at most 1.5)%n",
                    percentile(turnLatencies, 99) / Math.max(1e-3, percentile(fanoutLatencies, 99)));
        }
        bots.forEach(FanoutBot::close);
        if (server.samples() > 0) {
            System.out.printf("server (pid %d)      CPU %.0f %% avg / %.0f %% peak (100 %% = one core), RSS %.0f MB peak,"
                    + " %.2f ms of CPU per accepted game action%s%n", serverPid, server.cpuAvgPercent(), server.cpuPeakPercent(),
                    server.rssPeakBytes() / 1e6, server.cpuSeconds() * 1000 / Math.max(1, ackLatencies.size()),
                    bots.isEmpty() ? "" : " (the fan-out baseline's work included: --fanout=off to leave it out)");
        }
        all.forEach(Player::close);
        idlers.forEach(Player::close);
        System.out.printf("total run %.1f s%n", millisSince(start) / 1000.0);
        return new Result(games, finished.get(), turns.get(), errors.get(), unexpectedCloses.get(), peakOpen.get(),
                percentile(turnLatencies, 99), percentile(pingLatencies, 99), percentile(fanoutLatencies, 99), server);
    }

    private void record(List<Long> latencies, long nanos) {
        if (recording) {
            latencies.add(nanos);
        }
    }

    /** Pair {@code index} (players 2i and 2i+1) starts a game: a private challenge, half RPS best of 5, half DUEL. */
    private void startGame(int index) {
        Player p1 = pairs.get(2 * index);
        Player p2 = pairs.get(2 * index + 1);
        String type = index % 2 == 0 ? "RPS" : "DUEL";
        JsonObject created = json(post("/api/games", "{\"gameType\":\"" + type + "\",\"bestOf\":"
                + ("RPS".equals(type) ? 5 : 1) + "}", p1.token));
        long gameId = created.getJsonNumber("gameId").longValue();
        post("/api/games/join", "{\"inviteCode\":\"" + created.getString("inviteCode") + "\"}", p2.token);
        Table table = new Table(index, gameId, "RPS".equals(type) ? RPS : DUEL);
        started.incrementAndGet();
        p1.sit(table);
        p2.sit(table);
    }

    /** A continuous run: the pair of a game that just ended starts its next one (off the socket's thread). */
    private void startNext(int index) {
        if (!continuous || stopping) {
            return;
        }
        restarts.execute(() -> {
            try {
                if (!stopping) {
                    startGame(index);
                }
            } catch (RuntimeException e) {
                if (!stopping) {
                    System.err.println("could not start the next game of pair " + index + ": " + e.getMessage());
                }
            }
        });
    }

    /** How long a player waits before acting: pace/2..3·pace/2 with --pace-ms, else 0..think-ms. */
    private long thinkTime() {
        return paceMillis > 0 ? paceMillis / 2 + ThreadLocalRandom.current().nextInt(paceMillis + 1)
                : thinkMillis == 0 ? 0 : ThreadLocalRandom.current().nextInt(thinkMillis + 1);
    }

    // ---- the in-app fan-out baseline ----

    /** One baseline action: when it was sent, and how many of the room's two sockets still await its last frame. */
    private record FanoutAct(long sentNanos, AtomicInteger waiting) {
    }

    private List<FanoutBot> fanoutBots() throws Exception {
        URI probe = URI.create(base.toString().replaceFirst("^http", "ws") + "/ws/bench/fanout?room=probe");
        try {
            http.newWebSocketBuilder().buildAsync(probe, new WebSocket.Listener() { }).get(10, TimeUnit.SECONDS)
                    .sendClose(WebSocket.NORMAL_CLOSURE, "probe");
        } catch (Exception notEnabled) {
            System.out.println("fan-out baseline: not enabled on this server (solduel.bench.fanout-enabled=true); skipped");
            return List.of();
        }
        String run = Long.toHexString(random.nextLong());
        List<FanoutBot> bots = parallel(2 * games, i -> new FanoutBot("r" + run + "-" + i / 2).connect());
        bots.forEach(FanoutBot::actLater);
        System.out.printf("fan-out baseline: %d sockets in %d rooms of two, same pace%n", bots.size(), games);
        return bots;
    }

    private final class FanoutBot implements WebSocket.Listener {

        @Override
        public void onOpen(WebSocket webSocket) {
            // Unbounded demand: the JDK otherwise hands over one message per request(1) round trip.
            webSocket.request(Long.MAX_VALUE);
        }
        private final String room;
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;
        private volatile long myAct;
        private volatile boolean closing;

        FanoutBot(String room) {
            this.room = room;
        }

        FanoutBot connect() {
            socket = socketClient().newWebSocketBuilder()
                    .buildAsync(URI.create(base.toString().replaceFirst("^http", "ws") + "/ws/bench/fanout?room=" + room), this)
                    .join();
            return this;
        }

        /**
         * Acts again after the later of two think times: a game player acts once per turn, and a turn
         * waits for the slower of its two players, so this keeps the baseline's action rate near the games'.
         */
        void actLater() {
            players.schedule(this::act, Math.max(thinkTime(), thinkTime()), TimeUnit.MILLISECONDS);
        }

        private void act() {
            if (!playing || closing) {
                return;
            }
            long seq = fanoutSeq.incrementAndGet();
            myAct = seq;
            fanoutActs.put(seq, new FanoutAct(System.nanoTime(), new AtomicInteger(2)));
            synchronized (this) {
                socket.sendText("{\"type\":\"act\",\"seq\":" + seq + "}", true).join();
            }
        }

        void close() {
            closing = true;
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try (var reader = READERS.createReader(new StringReader(text))) {
                    JsonObject frame = reader.readObject();
                    if (frame.getInt("frame") == frame.getInt("of")) {
                        long seq = frame.getJsonNumber("seq").longValue();
                        FanoutAct act = fanoutActs.get(seq);
                        if (act != null) {
                            record(fanoutLatencies, now - act.sentNanos());
                            if (act.waiting().decrementAndGet() == 0) {
                                fanoutActs.remove(seq);
                            }
                        }
                        if (seq == myAct) {
                            actLater();
                        }
                    }
                }
            }
            return null;
        }
    }

    // ---- the server process, sampled from /proc once a second ----

    /** CPU (percent of one core) and resident memory of the server process while the games ran. */
    /**
     * A long run's figures over time: every {@code seconds} one CSV row of what happened in that
     * interval (turns/s; turn_result and ping p50/p99 in ms), the server's CPU (% of one core) and RSS
     * in it, and the server's used heap and live games as its /metrics said at the end of it.
     * tools/load/plot.mjs draws the file.
     */
    private final class Timeline {
        private final java.io.PrintWriter out;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(GameLoad::daemon);
        private final long window;
        private int turnsBefore;
        private int turnIndex;
        private int pingIndex;
        /** The server's /proc figures at the previous row (null when not readable). */
        private ProcStat before;
        private long nanosBefore;

        Timeline(java.nio.file.Path file, int seconds, long window) throws java.io.IOException {
            this.out = new java.io.PrintWriter(java.nio.file.Files.newBufferedWriter(file), true);
            this.window = window;
            out.println("seconds,turns_per_second,turn_result_p50_ms,turn_result_p99_ms,ping_p50_ms,ping_p99_ms,"
                    + "server_cpu_percent,server_rss_mb,server_heap_used_mb,live_games");
            turnsBefore = turns.get();
            turnIndex = turnLatencies.size();
            pingIndex = pingLatencies.size();
            before = ProcStat.read(serverPid);
            nanosBefore = System.nanoTime();
            timer.scheduleAtFixedRate(this::row, seconds, seconds, TimeUnit.SECONDS);
            System.out.printf("writing the timeline to %s every %d s%n", file, seconds);
        }

        private synchronized void row() {
            long now = System.nanoTime();
            double interval = (now - nanosBefore) / 1e9;
            ProcStat stat = ProcStat.read(serverPid);
            double cpu = stat == null || before == null ? Double.NaN : stat.cpuPercentSince(before, interval);
            long rss = stat == null ? 0 : stat.rssBytes();
            before = stat;
            nanosBefore = now;
            int turnsNow = turns.get();
            List<Long> turnSlice = slice(turnLatencies, turnIndex);
            List<Long> pingSlice = slice(pingLatencies, pingIndex);
            turnIndex += turnSlice.size();
            pingIndex += pingSlice.size();
            String heap = metric("/metrics?scope=base", "memory_usedHeap_bytes");
            out.printf(java.util.Locale.ROOT, "%.0f,%.1f,%.1f,%.1f,%.1f,%.1f,%.0f,%.0f,%s,%s%n", (now - window) / 1e9,
                    (turnsNow - turnsBefore) / interval, percentile(turnSlice, 50), percentile(turnSlice, 99),
                    percentile(pingSlice, 50), percentile(pingSlice, 99), cpu, rss / 1e6,
                    heap.equals("n/a") ? "" : String.format(java.util.Locale.ROOT, "%.0f", Double.parseDouble(heap) / 1e6),
                    gauge("sol_duel_active_games_total").replace("n/a", "").replaceAll("\\.0$", ""));
            turnsBefore = turnsNow;
        }

        private List<Long> slice(List<Long> latencies, int from) {
            synchronized (latencies) {
                return new ArrayList<>(latencies.subList(Math.min(from, latencies.size()), latencies.size()));
            }
        }

        void stop() {
            timer.shutdownNow();
            synchronized (this) {
                out.close();
            }
        }
    }

    /** A process's CPU time (utime + stime, in clock ticks) and RSS, from /proc/PID/stat. */
    private record ProcStat(long cpuTicks, long rssBytes) {
        static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

        /** Null when there is no such process (pid 0: not given) or it is not readable. */
        static ProcStat read(long pid) {
            if (pid <= 0) {
                return null;
            }
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return new ProcStat(Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long.parseLong(fields[21]) * 4096);
            } catch (java.io.IOException | RuntimeException gone) {
                return null;
            }
        }

        /** CPU seconds used since {@code earlier}. */
        double cpuSecondsSince(ProcStat earlier) {
            return (cpuTicks - earlier.cpuTicks) / (double) TICKS_PER_SECOND;
        }

        /** CPU used since {@code earlier}, {@code seconds} ago, in % of one core. */
        double cpuPercentSince(ProcStat earlier, double seconds) {
            return cpuSecondsSince(earlier) * 100 / seconds;
        }
    }

    public record ServerSample(int samples, double cpuAvgPercent, double cpuPeakPercent, long rssPeakBytes, double cpuSeconds) {
    }

    private static final class ServerSampler {
        private final long pid;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(GameLoad::daemon);
        private final List<Double> cpu = Collections.synchronizedList(new ArrayList<>());
        private final AtomicLong rssPeak = new AtomicLong();
        /** The first and the latest reading, with when each was taken (null before the first). */
        private ProcStat first;
        private ProcStat last;
        private long firstNanos;
        private long lastNanos;

        ServerSampler(long pid) {
            this.pid = pid;
        }

        void start() {
            if (pid <= 0) {
                return;
            }
            timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
        }

        private synchronized void sample() {
            ProcStat stat = ProcStat.read(pid);
            if (stat == null) {
                return; // the process ended or is not readable: the report says what was sampled
            }
            long now = System.nanoTime();
            if (first == null) {
                first = stat;
                firstNanos = now;
            } else {
                cpu.add(stat.cpuPercentSince(last, (now - lastNanos) / 1e9));
            }
            last = stat;
            lastNanos = now;
            rssPeak.accumulateAndGet(stat.rssBytes(), Math::max);
        }

        ServerSample stop() {
            timer.shutdownNow();
            synchronized (this) {
                if (cpu.isEmpty()) {
                    return new ServerSample(0, 0, 0, 0, 0);
                }
                double wall = (lastNanos - firstNanos) / 1e9;
                return new ServerSample(cpu.size(), last.cpuPercentSince(first, wall),
                        cpu.stream().mapToDouble(Double::doubleValue).max().orElse(0), rssPeak.get(), last.cpuSecondsSince(first));
            }
        }
    }

    // ---- one game, two players ----

    /** A game being played: which turn, who has submitted, and when the turn's last action left. */
    private final class Table {
        final long gameId;
        final int pair;
        final String[] actions;
        final Map<Integer, AtomicLong> lastSubmitNanos = new ConcurrentHashMap<>();
        final Map<Integer, AtomicInteger> resultsSeen = new ConcurrentHashMap<>();
        volatile boolean over;
        /** When the action that completed the game's last turn left (System.nanoTime()); 0 until a turn ends it. */
        volatile long decidedBySubmitAt;

        Table(int pair, long gameId, String[] actions) {
            this.pair = pair;
            this.gameId = gameId;
            this.actions = actions;
        }

        void submitted(int turn, long nanos) {
            lastSubmitNanos.computeIfAbsent(turn, t -> new AtomicLong()).accumulateAndGet(nanos, Math::max);
        }

        /** {@code last}: the turn ended the game (its turn_result names no next turn). */
        void resultArrived(int turn, boolean last, long nanos) {
            AtomicLong sent = lastSubmitNanos.get(turn);
            if (sent != null && sent.get() > 0) {
                record(turnLatencies, nanos - sent.get());
                if (last) {
                    record(decidingTurnLatencies, nanos - sent.get());
                    decidedBySubmitAt = sent.get();
                }
            }
            if (resultsSeen.computeIfAbsent(turn, t -> new AtomicInteger()).incrementAndGet() == 1 && recording) {
                turns.incrementAndGet();
            }
        }

        void ended(long nanos) {
            long decided = decidedBySubmitAt;
            if (decided > 0) {
                record(gameOverLatencies, nanos - decided); // at each player, like turn_result
            }
            synchronized (this) {
                if (over) {
                    return;
                }
                over = true;
            }
            finished.incrementAndGet();
            allOver.countDown();
            startNext(pair);
        }
    }

    private final class Player implements WebSocket.Listener {

        @Override
        public void onOpen(WebSocket webSocket) {
            // Unbounded demand: the JDK otherwise hands over one message per request(1) round trip.
            webSocket.request(Long.MAX_VALUE);
        }
        final String token;
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;
        private Table table;
        private int clientSeq;
        private volatile long ackSentNanos;
        private volatile long pingSentNanos;
        private volatile boolean closing;
        private final CompletableFuture<Void> welcomed = new CompletableFuture<>();

        Player(String token) {
            this.token = token;
        }

        Player connect() {
            socket = socketClient().newWebSocketBuilder().header("Authorization", "Bearer " + token)
                    .buildAsync(URI.create(base.toString().replaceFirst("^http", "ws") + "/ws/game"), this).join();
            welcomed.orTimeout(30, TimeUnit.SECONDS).join();
            peakOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            return this;
        }

        /** Sends a ping unless one is still unanswered or (in a run of single games) the player's game is over. */
        void ping() {
            // A player whose game is over stops pinging, unless it waits for its pair's next game (continuous
            // runs): a waiting socket keeps alive as a real client would, or the server's idle timeout closes it
            // once game starts queue for longer than 90 s.
            if (pingSentNanos != 0 || closing || !continuous && table != null && table.over) {
                return;
            }
            pingSentNanos = System.nanoTime();
            send("{\"type\":\"ping\"}");
        }

        void sit(Table table) {
            this.table = table;
            send("{\"type\":\"join_game\",\"gameId\":" + table.gameId + "}");
        }

        void close() {
            closing = true;
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }

        private synchronized void send(String frame) {
            socket.sendText(frame, true).join();
        }

        private void play(int turn) {
            long think = thinkTime();
            Table game = table;
            players.schedule(() -> {
                if (game.over || game != table) {
                    return;
                }
                String action = game.actions[ThreadLocalRandom.current().nextInt(game.actions.length)];
                long now = System.nanoTime();
                game.submitted(turn, now);
                ackSentNanos = now;
                send("{\"type\":\"submit_action\",\"gameId\":" + game.gameId + ",\"clientSeq\":" + (++clientSeq)
                        + ",\"turn\":" + turn + ",\"action\":\"" + action + "\"}");
            }, think, TimeUnit.MILLISECONDS);
        }

        private void received(JsonObject frame, long now) {
            if (table != null && frame.containsKey("gameId") && frame.get("gameId") instanceof JsonNumber id
                    && id.longValue() != table.gameId) {
                return;   // a late frame of this player's previous game (continuous runs)
            }
            switch (frame.getString("type")) {
                case "welcome" -> welcomed.complete(null);
                case "pong" -> {
                    record(pingLatencies, now - pingSentNanos);
                    pingSentNanos = 0;
                }
                case "state" -> play(frame.getInt("turn"));
                case "action_accepted" -> record(ackLatencies, now - ackSentNanos);
                case "turn_result" -> {
                    // The turn that ends the game names no next turn.
                    boolean last = !frame.containsKey("nextTurn");
                    table.resultArrived(frame.getInt("turn"), last, now);
                    if (!last) {
                        play(frame.getInt("nextTurn"));
                    }
                }
                case "game_over" -> table.ended(now);
                case "error" -> {
                    errors.incrementAndGet();
                    errorCodes.computeIfAbsent(frame.getString("code"), c -> new AtomicInteger()).incrementAndGet();
                }
                default -> {
                    // game_started, player_acted, turn_started, player_disconnected, player_reconnected: nothing to do
                }
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try (var reader = READERS.createReader(new StringReader(text))) {
                    received(reader.readObject(), now);
                }
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            open.decrementAndGet();
            if (!closing) {
                unexpectedCloses.incrementAndGet();
                System.err.println("socket closed by the server: " + statusCode + " " + reason);
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (!closing) {
                unexpectedCloses.incrementAndGet();
                System.err.println("socket failed: " + error);
            }
        }
    }

    // ---- REST and sign-in ----

    private String signIn() {
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(random);
        String wallet = Base58.encode(key.generatePublicKey().getEncoded());
        String message = json(post("/api/auth/nonce", "{\"wallet\":\"" + wallet + "\"}", null)).getString("message");
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(bytes, 0, bytes.length);
        String signature = Base58.encode(signer.generateSignature());
        return json(post("/api/auth/verify", "{\"wallet\":\"" + wallet + "\",\"signature\":\"" + signature + "\"}", null))
                .getString("token");
    }

    private HttpResponse<String> post(String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String gauge(String name) {
        return metric("/metrics?scope=application", name);
    }

    /** A value of the server's /metrics at {@code path} ({@code n/a} when it has none). */
    private String metric(String path, String name) {
        try {
            String text = http.send(HttpRequest.newBuilder(base.resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher value = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? ([0-9.eE+-]+)$").matcher(text);
            return value.find() ? value.group(1) : "n/a";
        } catch (Exception e) {
            return "n/a";
        }
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (var reader = READERS.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    /** Runs {@code n} tasks on 16 threads and returns their results in order. */
    private static <T> List<T> parallel(int n, IntTask<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16, GameLoad::daemon);
        try {
            List<java.util.concurrent.Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.run(index)));
            }
            List<T> results = new ArrayList<>();
            for (var future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private interface IntTask<T> {
        T run(int index) throws Exception;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static void print(String what, List<Long> nanos) {
        System.out.printf("%-28s %8d %8.2f %8.2f %8.2f %8.2f%n", what, nanos.size(), percentile(nanos, 50),
                percentile(nanos, 90), percentile(nanos, 99), percentile(nanos, 100));
    }

    private static double percentile(List<Long> nanos, double p) {
        List<Long> sorted;
        synchronized (nanos) {
            sorted = new ArrayList<>(nanos);
        }
        if (sorted.isEmpty()) {
            return 0;
        }
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }
}
