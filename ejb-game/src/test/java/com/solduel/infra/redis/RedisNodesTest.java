package com.solduel.infra.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;

class RedisNodesTest {

    @Test
    void oneNodeIsASingleServer() {
        RedisNodes nodes = RedisNodes.parse(List.of("127.0.0.1:6379"));
        assertThat(nodes.isCluster()).isFalse();
        assertThat(nodes.single()).isEqualTo(new HostAndPort("127.0.0.1", 6379));
    }

    @Test
    void severalNodesAreAClusterAndBlanksAreIgnored() {
        RedisNodes nodes = RedisNodes.parse(List.of("redis-0:6379", " redis-1:6379 ", "", "redis-2:6380"));
        assertThat(nodes.isCluster()).isTrue();
        assertThat(nodes.nodes()).hasSize(3).contains(new HostAndPort("redis-2", 6380));
    }

    @Test
    void badEntriesAreNamedInTheError() {
        assertThatThrownBy(() -> RedisNodes.parse(List.of("localhost"))).hasMessageContaining("'localhost' is not host:port");
        assertThatThrownBy(() -> RedisNodes.parse(List.of("localhost:abc"))).hasMessageContaining("non-numeric port");
        assertThatThrownBy(() -> RedisNodes.parse(List.of("localhost:70000"))).hasMessageContaining("out of range");
        assertThatThrownBy(() -> RedisNodes.parse(List.of(" "))).hasMessageContaining("is empty");
    }
}
