package com.solduel.infra.redis;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.UnifiedJedis;

/**
 * The application's one Redis client. A single node gives a pooled {@link JedisPooled}; a node
 * list gives a {@link JedisCluster}. Both are {@link UnifiedJedis}, so callers never know which.
 */
@ApplicationScoped
public class RedisConnection {

    private static final Logger LOG = Logger.getLogger(RedisConnection.class.getName());

    @Inject
    @ConfigProperty(name = "solduel.redis.nodes")
    List<String> nodeEntries;

    @Inject
    @ConfigProperty(name = "solduel.redis.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "solduel.redis.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "solduel.redis.timeout-ms")
    int timeoutMs;

    @Inject
    @ConfigProperty(name = "solduel.redis.pool.max-total")
    int maxTotal;

    private volatile UnifiedJedis client;

    /**
     * The shared client, created on first use so the application starts even while Redis is
     * down (readiness reports it); a cluster needs a reachable node to learn its slots.
     */
    public UnifiedJedis client() {
        UnifiedJedis current = client;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (client == null) {
                client = connect();
            }
            return client;
        }
    }

    private UnifiedJedis connect() {
        RedisNodes nodes = RedisNodes.parse(nodeEntries);
        JedisClientConfig config = DefaultJedisClientConfig.builder()
                .user(user.orElse(null))
                .password(password.filter(p -> !p.isBlank()).orElse(null))
                .connectionTimeoutMillis(timeoutMs)
                .socketTimeoutMillis(timeoutMs)
                .clientName("sol-duel")
                .build();
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(maxTotal);
        pool.setMaxIdle(maxTotal);
        pool.setMinIdle(0);
        pool.setMaxWait(java.time.Duration.ofMillis(timeoutMs));
        pool.setTestWhileIdle(true);
        if (nodes.isCluster()) {
            LOG.info(() -> "Redis: cluster mode, seed nodes " + nodes.nodes());
            return new JedisCluster(nodes.nodes(), config, 5, pool);
        }
        LOG.info(() -> "Redis: single server " + nodes.single());
        return new JedisPooled(pool, nodes.single(), config);
    }

    /**
     * A dedicated connection for a blocking subscriber (pub/sub), without a read timeout: a quiet
     * channel is not a dead one. On a cluster any node will do (PUBLISH reaches every node). The
     * caller closes it.
     */
    public Jedis subscriberConnection() {
        RedisNodes nodes = RedisNodes.parse(nodeEntries);
        HostAndPort node = nodes.isCluster() ? nodes.nodes().iterator().next() : nodes.single();
        return new Jedis(node, DefaultJedisClientConfig.builder()
                .user(user.orElse(null))
                .password(password.filter(p -> !p.isBlank()).orElse(null))
                .connectionTimeoutMillis(timeoutMs)
                .socketTimeoutMillis(0)
                .clientName("sol-duel-subscriber")
                .build());
    }

    @PreDestroy
    void close() {
        UnifiedJedis current = client;
        if (current != null) {
            current.close();
        }
    }
}
