package com.solduel.matchmaking;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.clients.jedis.JedisPooled;

/**
 * A real redis-server (installed by scripts/setup.sh) on a free port for one test class; the
 * pairing scripts (and the other Lua scripts) are tested against it, never against a mirror in Java.
 */
public final class LocalRedis implements AutoCloseable {

    private final int port;
    private final JedisPooled client;

    private LocalRedis(int port) {
        this.port = port;
        this.client = new JedisPooled("127.0.0.1", port);
    }

    public static LocalRedis start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dir = Files.createTempDirectory("solduel-mm-redis");
        Process process;
        try {
            process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--daemonize", "yes", "--save", "", "--appendonly", "no", "--dir", dir.toString(),
                    "--logfile", dir.resolve("redis.log").toString()).inheritIO().start();
        } catch (IOException e) {
            throw new IllegalStateException("redis-server is needed for the matchmaking tests: run scripts/setup.sh", e);
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("redis-server did not start on port " + port);
        }
        LocalRedis redis = new LocalRedis(port);
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try {
                redis.client.ping();
                return redis;
            } catch (RuntimeException notYet) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("redis-server on port " + port + " does not answer", notYet);
                }
                Thread.sleep(50);
            }
        }
    }

    public JedisPooled client() {
        return client;
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        try {
            new redis.clients.jedis.Jedis("127.0.0.1", port).shutdown();
        } catch (RuntimeException closedAlready) {
            // shutdown closes the connection under us
        }
        client.close();
    }
}
