package com.solduel.infra.redis;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import redis.clients.jedis.HostAndPort;

/**
 * The configured Redis nodes: one {@code host:port} means a single server (local, staging),
 * several mean the seed nodes of a Redis Cluster (production's 6-node cluster).
 */
public record RedisNodes(Set<HostAndPort> nodes) {

    public RedisNodes {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("solduel.redis.nodes is empty: give host:port, or a comma-separated list for a cluster");
        }
        nodes = Set.copyOf(nodes);
    }

    /** Parses config entries such as {@code 127.0.0.1:6379}; the message says which entry is wrong. */
    public static RedisNodes parse(List<String> entries) {
        Set<HostAndPort> parsed = new LinkedHashSet<>();
        for (String raw : entries) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.lastIndexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException("solduel.redis.nodes entry '" + entry + "' is not host:port");
            }
            String host = entry.substring(0, colon);
            int port;
            try {
                port = Integer.parseInt(entry.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("solduel.redis.nodes entry '" + entry + "' has a non-numeric port");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("solduel.redis.nodes entry '" + entry + "' has port out of range");
            }
            parsed.add(new HostAndPort(host, port));
        }
        return new RedisNodes(parsed);
    }

    /** True when the nodes are a Redis Cluster, served through JedisCluster. */
    public boolean isCluster() {
        return nodes.size() > 1;
    }

    /** The single server; only meaningful when not a cluster. */
    public HostAndPort single() {
        return nodes.iterator().next();
    }
}
