package com.solduel.ws;

import com.solduel.auth.AccessTokenRefusedException;
import com.solduel.auth.AuthenticatedPlayer;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hands the authenticated player to the endpoint. {@link HandshakeFilter} has already refused
 * handshakes without a valid token; this asks the same {@link HandshakeAuthentication} again,
 * because a servlet filter cannot pass objects to a WebSocket session. The container gives each
 * handshake its own copy of the user properties.
 */
public class HandshakeConfigurator extends ServerEndpointConfig.Configurator {

    /** User property holding the {@link AuthenticatedPlayer} of the session. */
    static final String PLAYER = AuthenticatedPlayer.class.getName();

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        config.getUserProperties().remove(PLAYER);
        try {
            AuthenticatedPlayer player = CDI.current().select(HandshakeAuthentication.class).get()
                    .authenticate(first(request.getHeaders(), "Authorization"),
                            first(request.getParameterMap(), HandshakeAuthentication.TOKEN_PARAMETER));
            config.getUserProperties().put(PLAYER, player);
        } catch (AccessTokenRefusedException refused) {
            // The endpoint closes a session without a player (1008); the filter normally refused it already.
        }
    }

    private static Optional<String> first(Map<String, List<String>> values, String name) {
        return values.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name) && e.getValue() != null)
                .flatMap(e -> e.getValue().stream())
                .findFirst();
    }
}
