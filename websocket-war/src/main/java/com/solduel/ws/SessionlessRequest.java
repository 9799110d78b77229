package com.solduel.ws;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;

/**
 * The handshake request as the WebSocket container sees it: it never creates an HTTP session.
 * Liberty's handshake asks the request for one (for {@code HandshakeRequest.getHttpSession()}),
 * which would create a session per socket ever opened and keep it for the session timeout after
 * the socket closed; the game socket has no use for one (the player is its Bearer token).
 */
final class SessionlessRequest extends HttpServletRequestWrapper {

    SessionlessRequest(HttpServletRequest request) {
        super(request);
    }

    @Override
    public HttpSession getSession() {
        return super.getSession(false);
    }

    @Override
    public HttpSession getSession(boolean create) {
        return super.getSession(false);
    }
}
