package com.solduel.api.client;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The web client's page gets a strict Content-Security-Policy: scripts and styles only from this
 * origin as files (no inline script or style, no eval), connections only to this origin (REST and
 * the game socket) and to the cluster's RPC (solduel.client.rpc-url), never framed.
 */
// Mapped to /* and acting on the page's two addresses alone: the page at "/" is found as a welcome file,
// which a filter mapped to "" or "/index.html" alone never sees on Liberty.
@WebFilter(filterName = "client-page-headers", urlPatterns = "/*", asyncSupported = true)
public class ClientPageHeaders extends HttpFilter {

    private static final Set<String> PAGES = Set.of("/", "/index.html");

    private String policy;

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        String rpc = ConfigProvider.getConfig(ClientPageHeaders.class.getClassLoader())
                .getValue("solduel.client.rpc-url", String.class);
        policy = policy(rpc);
    }

    /** The policy for a client whose wallet talks to the RPC at {@code rpcUrl}. */
    static String policy(String rpcUrl) {
        URI rpc = URI.create(rpcUrl);
        if (rpc.getScheme() == null || rpc.getHost() == null || !Set.of("http", "https").contains(rpc.getScheme())) {
            throw new IllegalStateException("solduel.client.rpc-url must be an http(s) URL, not '" + rpcUrl + "'");
        }
        String rpcOrigin = rpc.getScheme() + "://" + rpc.getHost() + (rpc.getPort() == -1 ? "" : ":" + rpc.getPort());
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self' " + rpcOrigin + "; manifest-src 'self'; base-uri 'none'; form-action 'none'; "
                + "frame-ancestors 'none'";
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (PAGES.contains(request.getRequestURI())) {
            response.setHeader("Content-Security-Policy", policy);
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Referrer-Policy", "no-referrer");
        }
        chain.doFilter(request, response);
    }
}
