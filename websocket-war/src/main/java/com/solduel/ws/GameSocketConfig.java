package com.solduel.ws;

import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Registers the game socket with the container, found by its scan of the WAR: {@link GameEndpoint}
 * at {@link GameEndpoint#PATH}, with {@link HandshakeConfigurator}; and, only when a benchmark asks for
 * it ({@code solduel.bench.fanout-enabled=true}), the fan-out baseline {@link BenchFanoutEndpoint}.
 * There are no annotated endpoints.
 */
public class GameSocketConfig implements ServerApplicationConfig {

    @Override
    public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
        ServerEndpointConfig game = ServerEndpointConfig.Builder.create(GameEndpoint.class, GameEndpoint.PATH)
                .configurator(new HandshakeConfigurator())
                .build();
        boolean bench = ConfigProvider.getConfig().getOptionalValue(BenchFanoutEndpoint.ENABLED, Boolean.class).orElse(false);
        return bench ? Set.of(game, ServerEndpointConfig.Builder.create(BenchFanoutEndpoint.class, BenchFanoutEndpoint.PATH).build())
                : Set.of(game);
    }

    @Override
    public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
        return Set.of();
    }
}
