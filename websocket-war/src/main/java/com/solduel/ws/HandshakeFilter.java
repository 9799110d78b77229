package com.solduel.ws;

import com.solduel.auth.AccessTokenRefusedException;
import com.solduel.player.PlayerBannedException;
import com.solduel.shared.SolDuelException;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Refuses a handshake before the upgrade, so no socket is ever opened for it: from a browser
 * origin outside {@code solduel.http.allowed-origins} with HTTP 403, without a valid Bearer token
 * with HTTP 401, for a banned player with HTTP 403 ({@code player-banned}), and any handshake while
 * the node holds {@code solduel.ws.max-connections} sockets with HTTP 503 {@code server-full}. The
 * body is an RFC 9457 problem with the refusal's code.
 */
@WebFilter(urlPatterns = GameEndpoint.PATH)
public class HandshakeFilter extends HttpFilter {

    private static final JsonProvider JSON = JsonProvider.provider();

    /** The code of a handshake from a browser origin that is not allowed. */
    static final String ORIGIN_NOT_ALLOWED = "origin-not-allowed";
    /** The code of a handshake refused because the node holds {@code solduel.ws.max-connections} sockets. */
    static final String SERVER_FULL = "server-full";
    private static final long serialVersionUID = 1L;

    @Inject
    HandshakeAuthentication authentication;

    @Inject
    WebSocketSettings settings;

    @Inject
    PlayerConnections connections;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        // No Origin: a native client, which no web page can impersonate. A browser always sends it.
        if (origin != null && !settings.allowedOrigins().contains(origin)) {
            problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", ORIGIN_NOT_ALLOWED,
                    "pages from this origin may not open a game socket");
            return;
        }
        if (connections.full()) {
            response.setHeader("Retry-After", "5");
            problem(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Service Unavailable", SERVER_FULL,
                    "this server holds as many game sockets as it may; retry shortly (another node may have room)");
            return;
        }
        try {
            authentication.authenticate(Optional.ofNullable(request.getHeader("Authorization")),
                    Optional.ofNullable(request.getParameter(HandshakeAuthentication.TOKEN_PARAMETER)));
        } catch (AccessTokenRefusedException refused) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"sol-duel\", error=\"invalid_token\"");
            problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", refused.code(), refused.getMessage());
            return;
        } catch (PlayerBannedException banned) {
            problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", banned.code(), banned.getMessage());
            return;
        } catch (SolDuelException unavailable) {
            // The ban check reads PostgreSQL: while it is unreachable no socket opens (fail closed).
            unavailable.retryAfterSeconds().ifPresent(seconds -> response.setHeader("Retry-After", Long.toString(seconds)));
            problem(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Service Unavailable", unavailable.code(),
                    unavailable.getMessage());
            return;
        }
        chain.doFilter(new SessionlessRequest(request), response);
    }

    private static void problem(HttpServletResponse response, int status, String title, String code, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(JSON.createObjectBuilder()
                .add("type", "https://solduel.dev/problems/" + code)
                .add("title", title)
                .add("status", status)
                .add("detail", detail)
                .add("code", code)
                .build().toString());
    }
}
