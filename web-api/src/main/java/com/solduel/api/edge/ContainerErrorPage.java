package com.solduel.api.edge;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page of the application (web.xml {@code <error-page>}): errors the web container
 * answers by itself — no resource at a path outside {@code /api}, a rejected encoded character,
 * a failed sign-in at the container, an exception that escaped everything — become problem
 * details with a fixed detail per status, never the container's text or a stack trace.
 */
@WebServlet(name = "container-error-page", urlPatterns = ContainerErrorPage.PATH)
public class ContainerErrorPage extends HttpServlet {

    static final String PATH = "/problem-page";
    private static final int MAX_INSTANCE_LENGTH = 200;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        int code = status instanceof Integer i && i >= 400 && i <= 599 ? i : 404; // asked for directly: nothing here
        if (response.isCommitted()) {
            return; // part of an answer is already on the wire; nothing sensible can follow it
        }
        response.resetBuffer();
        response.setHeader("X-Content-Type-Options", "nosniff");
        HttpEdgeFilter.answer(response, code, null, null, uri instanceof String path ? path : request.getRequestURI());
    }

    /** The request path as a problem's {@code instance}: printable ASCII only, bounded. */
    static String safeInstance(String path) {
        if (path == null) {
            return null;
        }
        StringBuilder safe = new StringBuilder(Math.min(path.length(), MAX_INSTANCE_LENGTH));
        for (int i = 0; i < path.length() && safe.length() < MAX_INSTANCE_LENGTH; i++) {
            char c = path.charAt(i);
            safe.append(c >= 0x21 && c <= 0x7e ? c : '?');
        }
        return safe.toString();
    }
}
