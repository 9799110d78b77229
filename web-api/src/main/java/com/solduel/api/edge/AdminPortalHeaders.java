package com.solduel.api.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The admin portal's pages ({@code /admin/}, static files of this WAR) run only their own scripts:
 * a Content-Security-Policy without inline scripts or styles and without other origins, never in a
 * frame, no referrer, never cached (they show an admin's data once signed in).
 */
@WebFilter(filterName = "admin-portal-headers", urlPatterns = "/admin/*", asyncSupported = true)
public class AdminPortalHeaders extends HttpFilter {

    /** The portal's policy: its own scripts, styles and API calls, nothing else. */
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }
}
