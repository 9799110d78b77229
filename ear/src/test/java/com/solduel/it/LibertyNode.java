package com.solduel.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One Liberty server of the integration tests, driven the way an operator or a crash would drive a
 * replica (SPEC §13: several nodes share PostgreSQL and Redis). {@link #a()} is the server the build
 * starts for every IT; {@link #b()} is a second server in the same Liberty install with the same EAR,
 * configuration, database and Redis but its own ports, which the build creates but does not start.
 * Paths, names and ports come from failsafe system properties (ear/pom.xml). Linux only: process
 * state is read from {@code /proc} and signals are sent with {@code kill}.
 */
public final class LibertyNode {

    private static final Path WLP = Path.of(required("solduel.liberty.dir"));
    private static final LibertyNode A = fromSystemProperties("a");
    private static final LibertyNode B = fromSystemProperties("b");

    /** As long as the build itself waits for a server (liberty plugin serverStartTimeout). */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final String name;
    private final int httpPort;
    private final int httpsPort;

    private LibertyNode(String name, int httpPort, int httpsPort) {
        this.name = name;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
    }

    private static LibertyNode fromSystemProperties(String node) {
        String prefix = "solduel.node." + node + ".";
        return new LibertyNode(required(prefix + "server"), Integer.parseInt(required(prefix + "http.port")),
                Integer.parseInt(required(prefix + "https.port")));
    }

    /** Node A: {@code solduel-it}, started by the build before the ITs and stopped after them. */
    public static LibertyNode a() {
        return A;
    }

    /** Node B: {@code solduel-it-b}, created by the build; a test starts it and stops it (see {@link #stop()}). */
    public static LibertyNode b() {
        return B;
    }

    /** The Liberty server name. */
    public String name() {
        return name;
    }

    public int httpPort() {
        return httpPort;
    }

    public int httpsPort() {
        return httpsPort;
    }

    /** {@code http://localhost:PORT}, the root of the API and health endpoints. */
    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    /** {@code ws://localhost:PORT/ws/game}, the game socket of this node. */
    public String wsUrl() {
        return "ws://localhost:" + httpPort + "/ws/game";
    }

    public URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    /** The server's log: {@code wlp/usr/servers/NAME/logs/messages.log}. */
    public Path messagesLog() {
        return WLP.resolve("usr/servers").resolve(name).resolve("logs/messages.log");
    }

    /**
     * Server variables (MicroProfile Config values) for this server's next start, until
     * {@link #clearTestVariables()}: a configDropins override whose name sorts after the build's
     * own files, so it wins over them. Only for a server that is not running.
     */
    public void testVariables(java.util.Map<String, String> variables) {
        if (isRunning()) {
            throw new IllegalStateException(name + " is running: stop it before changing its variables");
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!-- Written by an integration test (LibertyNode.testVariables); removed when it ends. -->\n<server>\n");
        variables.forEach((key, value) -> xml.append("    <variable name=\"").append(key).append("\" value=\"")
                .append(value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;"))
                .append("\"/>\n"));
        try {
            Files.createDirectories(testVariablesFile().getParent());
            Files.writeString(testVariablesFile(), xml.append("</server>\n").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes what {@link #testVariables} wrote; the next start has the build's configuration again. */
    public void clearTestVariables() {
        try {
            Files.deleteIfExists(testVariablesFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path testVariablesFile() {
        return WLP.resolve("usr/servers").resolve(name).resolve("configDropins/overrides/zz-test-variables.xml");
    }

    /** Where Liberty keeps the JVM's process id while the server runs. */
    public Path pidFile() {
        return WLP.resolve("usr/servers/.pid").resolve(name + ".pid");
    }

    /**
     * Starts the server ({@code wlp/bin/server start NAME}) and waits up to 180 s for
     * {@code /health/ready} to answer 200, printing progress. Returns how long it took.
     */
    public Duration start() {
        if (isRunning()) {
            throw new IllegalStateException(name + " is already running (pid " + pid() + ")");
        }
        long started = System.nanoTime();
        log("starting");
        int exit = server("start");
        if (exit != 0) {
            throw new AssertionError("server start " + name + " exited with " + exit + "; see " + messagesLog());
        }
        awaitReady(started);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log("ready in %.1f s (pid %d)", took.toMillis() / 1000.0, pid());
        return took;
    }

    /**
     * Starts the server with these extra environment variables (as an operator would set them, e.g.
     * {@code MP_CONFIG_PROFILE}) and returns as soon as Liberty says it started, without waiting for
     * the application: for a test that expects the application to refuse to start.
     */
    public void launch(java.util.Map<String, String> environment) {
        if (isRunning()) {
            throw new IllegalStateException(name + " is already running (pid " + pid() + ")");
        }
        log("launching with %s", environment);
        int exit = server("start", environment);
        if (exit != 0) {
            throw new AssertionError("server start " + name + " exited with " + exit + "; see " + messagesLog());
        }
    }

    /**
     * Stops the server gracefully ({@code server stop NAME}), thawing it first if it is frozen, and
     * kills it if it is still alive afterwards. Safe from {@code @AfterAll}: a no-op when not running.
     */
    public void stop() {
        if (!isRunning()) {
            return;
        }
        if (isFrozen()) {
            thaw();
        }
        log("stopping");
        int exit = server("stop");
        if (isRunning()) {
            log("still alive after server stop (exit %d): killing it", exit);
            kill9();
        }
        await("the port of " + name + " to close", PROCESS_TIMEOUT, () -> !acceptsConnections());
    }

    /**
     * Stops the server without Liberty's quiesce ({@code server stop NAME --force}): the
     * application still stops (its {@code @PreDestroy} methods run), only the wait for work in
     * flight is skipped. Fails, killing nothing, if the command fails or the JVM stays alive.
     */
    public void stopSkippingQuiesce() {
        log("stopping (--force)");
        int exit = server("stop", java.util.Map.of(), "--force");
        if (exit != 0) {
            throw new AssertionError("server stop " + name + " --force exited with " + exit + "; see " + messagesLog());
        }
        await("the JVM of " + name + " to exit", PROCESS_TIMEOUT, () -> !isRunning());
    }

    /** Whether the server's JVM is alive (a frozen one counts as running). */
    public boolean isRunning() {
        return readPid().filter(this::isThisServer).isPresent();
    }

    /** The server JVM's process id, from {@code wlp/usr/servers/.pid/NAME.pid}. */
    public long pid() {
        return readPid().filter(this::isThisServer)
                .orElseThrow(() -> new IllegalStateException(name + " is not running (" + pidFile() + ")"));
    }

    /**
     * Kills the JVM with SIGKILL, as a crash would, and waits until the process is gone and the HTTP
     * port refuses connections. Returns the time from the signal to the closed port.
     */
    public Duration kill9() {
        long pid = pid();
        long sent = System.nanoTime();
        signal("KILL", pid);
        await(name + " (pid " + pid + ") to die and its port " + httpPort + " to close", PROCESS_TIMEOUT,
                () -> !isAlive(pid) && !acceptsConnections());
        Duration took = Duration.ofNanos(System.nanoTime() - sent);
        log("killed with SIGKILL; process gone and port %d closed after %d ms", httpPort, took.toMillis());
        return took;
    }

    /** Freezes the JVM with SIGSTOP: its port still accepts connections but nothing answers. */
    public void freeze() {
        long pid = pid();
        signal("STOP", pid);
        await(name + " to be stopped by SIGSTOP", PROCESS_TIMEOUT, this::isFrozen);
        log("frozen (SIGSTOP, pid %d)", pid);
    }

    /** Resumes a frozen JVM with SIGCONT. */
    public void thaw() {
        long pid = pid();
        signal("CONT", pid);
        await(name + " to resume after SIGCONT", PROCESS_TIMEOUT, () -> !isFrozen());
        log("thawed (SIGCONT, pid %d)", pid);
    }

    /** Whether the JVM is stopped by a signal (state T in /proc/PID/stat). */
    public boolean isFrozen() {
        return readPid().flatMap(LibertyNode::state).map(state -> state == 'T' || state == 't').orElse(false);
    }

    /** Whether something accepts TCP connections on the HTTP port (a frozen JVM's port still does). */
    public boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", httpPort), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** Whether {@code GET /health/ready} answers 200 within a few seconds. */
    public boolean isReady() {
        try {
            return get("/health/ready", Duration.ofSeconds(5)).statusCode() == 200;
        } catch (IOException notAnswering) {
            return false;
        }
    }

    /**
     * A GET on this node over a new HTTP/1.1 connection, so that it never rides one opened before a
     * freeze or a kill (a pooled connection to a killed node once timed out here instead of being
     * refused; the JDK client's default is HTTP/2, upgraded from HTTP/1.1 by Liberty). A
     * timeout ({@link java.net.http.HttpTimeoutException}) or a refused connection
     * ({@link java.net.ConnectException}) is the IOException.
     */
    public HttpResponse<String> get(String path, Duration timeout) throws IOException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        try {
            return client.send(HttpRequest.newBuilder(uri(path)).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return name + "@" + baseUrl();
    }

    private void awaitReady(long started) {
        long deadline = started + READY_TIMEOUT.toNanos();
        long nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
        String last = "no answer yet";
        while (true) {
            try {
                HttpResponse<String> ready = get("/health/ready", Duration.ofSeconds(10));
                if (ready.statusCode() == 200) {
                    return;
                }
                last = ready.statusCode() + " " + ready.body();
            } catch (IOException notYet) {
                last = notYet.getClass().getSimpleName();
            }
            if (!isRunning()) {
                throw new AssertionError(name + " died while starting; see " + messagesLog());
            }
            long now = System.nanoTime();
            if (now > deadline) {
                throw new AssertionError(name + " was not ready after " + READY_TIMEOUT.toSeconds() + " s (last answer: "
                        + last + "); see " + messagesLog());
            }
            if (now > nextProgress) {
                log("waiting for /health/ready (%d s): %s", Duration.ofNanos(now - started).toSeconds(), abbreviate(last));
                nextProgress = now + PROGRESS_EVERY.toNanos();
            }
            sleep(250);
        }
    }

    private int server(String command) {
        return server(command, java.util.Map.of());
    }

    private int server(String command, java.util.Map<String, String> environment, String... options) {
        try {
            Path output = Files.createTempFile("liberty-" + name + "-" + command, ".log");
            List<String> commandLine = new java.util.ArrayList<>(List.of(WLP.resolve("bin/server").toString(), command, name));
            commandLine.addAll(List.of(options));
            ProcessBuilder builder = new ProcessBuilder(commandLine)
                    .redirectErrorStream(true)
                    // A file, not a pipe: the server script leaves a JVM behind that must not hold our stream open.
                    .redirectOutput(output.toFile());
            // The same JDK as the tests and the server the build started.
            builder.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("server " + command + " " + name + " did not return in " + READY_TIMEOUT.toSeconds() + " s");
            }
            for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    log("%s", line);
                }
            }
            Files.deleteIfExists(output);
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Optional<Long> readPid() {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile()).trim()));
        } catch (IOException | NumberFormatException noServer) {
            return Optional.empty();
        }
    }

    /** The pid file outlives a killed JVM, and the pid may be reused: it must be this server's JVM. */
    private boolean isThisServer(long pid) {
        if (!isAlive(pid)) {
            return false;
        }
        try {
            String commandLine = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
            return commandLine.contains("ws-server.jar " + name + " ") || commandLine.endsWith("ws-server.jar " + name);
        } catch (IOException gone) {
            return false;
        }
    }

    /** Alive = has a /proc entry and is not a zombie waiting for its parent. */
    private static boolean isAlive(long pid) {
        return state(pid).map(state -> state != 'Z' && state != 'X').orElse(false);
    }

    /** The process state letter from /proc/PID/stat (R, S, T, Z, ...), empty when there is no such process. */
    private static Optional<Character> state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // "pid (comm) S ...": comm may contain spaces and parentheses, the state follows the last ')'.
            return Optional.of(stat.charAt(stat.lastIndexOf(')') + 2));
        } catch (IOException | StringIndexOutOfBoundsException gone) {
            return Optional.empty();
        }
    }

    private void signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid)).redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (kill.waitFor() != 0) {
                throw new AssertionError("kill -s " + signal + " " + pid + " (" + name + ") failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            sleep(50);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 160) + "...";
    }

    private void log(String format, Object... args) {
        System.out.printf("[%s] %s%n", name, String.format(format, args));
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set: run the integration tests "
                    + "through Maven (scripts/test.sh), which creates the servers and sets it");
        }
        return value;
    }
}
