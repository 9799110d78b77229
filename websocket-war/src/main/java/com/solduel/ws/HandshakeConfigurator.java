package com.solduel.ws;

import com.solduel.auth.AuthenticatedPlayer;
import com.solduel.shared.SolDuelException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes each socket's {@link GameEndpoint} and hands it the authenticated player. {@link HandshakeFilter} has already refused
 * handshakes without a valid token; this asks the same {@link HandshakeAuthentication} again,
 * because a servlet filter cannot pass objects to a WebSocket session. The container gives each
 * handshake its own copy of the user properties.
 */
public class HandshakeConfigurator extends ServerEndpointConfig.Configurator {

    /** User property holding the {@link AuthenticatedPlayer} of the session. */
    static final String PLAYER = AuthenticatedPlayer.class.getName();
    /** User property holding the code of a refused handshake (the session is then closed with 1008 and this reason). */
    static final String REFUSAL = PLAYER + ".refusal";

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        config.getUserProperties().remove(PLAYER);
        config.getUserProperties().remove(REFUSAL);
        try {
            AuthenticatedPlayer player = CDI.current().select(HandshakeAuthentication.class).get()
                    .authenticate(first(request.getHeaders(), "Authorization"),
                            first(request.getParameterMap(), HandshakeAuthentication.TOKEN_PARAMETER));
            config.getUserProperties().put(PLAYER, player);
        } catch (SolDuelException refused) {
            // The endpoint closes a session without a player (1008); the filter normally refused it already.
            config.getUserProperties().put(REFUSAL, refused.code());
        }
    }

    /**
     * A new endpoint for each socket, with the application's beans (all application-scoped, so
     * nothing is left for CDI to destroy when the socket closes).
     */
    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        if (endpointClass != GameEndpoint.class) {
            throw new InstantiationException("no endpoint " + endpointClass.getName() + " in this application");
        }
        CDI<Object> cdi = CDI.current();
        return endpointClass.cast(new GameEndpoint(cdi.select(CommandRouter.class).get(),
                cdi.select(PlayerConnections.class).get(), cdi.select(WebSocketSettings.class).get()));
    }

    private static Optional<String> first(Map<String, List<String>> values, String name) {
        return values.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name) && e.getValue() != null)
                .flatMap(e -> e.getValue().stream())
                .findFirst();
    }
}
