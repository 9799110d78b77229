package com.solduel.ws;

import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Set;

/**
 * Registers the game socket with the container, found by its scan of the WAR: {@link GameEndpoint}
 * at {@link GameEndpoint#PATH}, with {@link HandshakeConfigurator}. There are no annotated endpoints.
 */
public class GameSocketConfig implements ServerApplicationConfig {

    @Override
    public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
        return Set.of(ServerEndpointConfig.Builder.create(GameEndpoint.class, GameEndpoint.PATH)
                .configurator(new HandshakeConfigurator())
                .build());
    }

    @Override
    public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
        return Set.of();
    }
}
