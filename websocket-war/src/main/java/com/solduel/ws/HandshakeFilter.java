package com.solduel.ws;

import com.solduel.auth.AccessTokenRefusedException;
import jakarta.inject.Inject;
import jakarta.json.Json;
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
 * Refuses an unauthenticated handshake with a plain HTTP 401 before the upgrade, so no socket is
 * ever opened for it. The body is an RFC 9457 problem with the token's refusal code.
 */
@WebFilter(urlPatterns = GameEndpoint.PATH)
public class HandshakeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    HandshakeAuthentication authentication;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            authentication.authenticate(Optional.ofNullable(request.getHeader("Authorization")),
                    Optional.ofNullable(request.getParameter(HandshakeAuthentication.TOKEN_PARAMETER)));
        } catch (AccessTokenRefusedException refused) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"sol-duel\", error=\"invalid_token\"");
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(Json.createObjectBuilder()
                    .add("type", "https://solduel.dev/problems/" + refused.code())
                    .add("title", "Unauthorized")
                    .add("status", HttpServletResponse.SC_UNAUTHORIZED)
                    .add("detail", refused.getMessage())
                    .add("code", refused.code())
                    .build().toString());
            return;
        }
        chain.doFilter(request, response);
    }
}
