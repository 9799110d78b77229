package com.solduel.api.edge;

import com.solduel.api.problem.Problem;
import com.solduel.api.problem.StatusProblems;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every request to the player ports' application passes here first: security headers on every
 * answer ({@code nosniff}; {@code no-store} on sign-in and personal answers; HSTS over TLS), the
 * CORS allowlist and preflights, refusal of malformed {@code Accept}/{@code Content-Type}, and the
 * per-address rate limits (429 problem with {@code Retry-After}). Settings are MicroProfile Config
 * keys {@code solduel.http.*} (defaults in ejb-game's microprofile-config.properties). Every answer is
 * counted in {@code http_requests_total{status}} ({@link HttpRequestMetrics}).
 */
@WebFilter(filterName = "http-edge", urlPatterns = "/*", asyncSupported = true)
public class HttpEdgeFilter extends HttpFilter {

    private static final String PROBLEM_JSON = Problem.MEDIA_TYPE;
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    HttpRequestMetrics requests;

    private CorsPolicy cors;
    private RateLimits limits;
    private ClientAddress clients;
    private String hsts;

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        Config settings = ConfigProvider.getConfig(HttpEdgeFilter.class.getClassLoader());
        cors = new CorsPolicy(list(settings, "solduel.http.allowed-origins"));
        clients = new ClientAddress(list(settings, "solduel.http.trusted-proxies"));
        hsts = "max-age=" + settings.getOptionalValue("solduel.http.hsts-max-age-seconds", Long.class).orElse(31_536_000L)
                + "; includeSubDomains";
        limits = rateLimits(settings);
    }

    static RateLimits rateLimits(Config settings) {
        String prefix = "solduel.http.rate-limit.";
        int maxClients = settings.getOptionalValue(prefix + "max-clients", Integer.class).orElse(100_000);
        List<RateLimits.Group> groups = new ArrayList<>();
        for (String name : list(settings, prefix + "groups")) {
            groups.add(new RateLimits.Group(name, List.copyOf(list(settings, prefix + name + "-paths")),
                    new RateLimiter(settings.getValue(prefix + name + "-per-second", Double.class),
                            settings.getValue(prefix + name + "-burst", Integer.class), maxClients)));
        }
        RateLimits.Group fallback = new RateLimits.Group("default", List.of(),
                new RateLimiter(settings.getOptionalValue(prefix + "default-per-second", Double.class).orElse(100.0),
                        settings.getOptionalValue(prefix + "default-burst", Integer.class).orElse(200), maxClients));
        return new RateLimits(groups, fallback);
    }

    private static Set<String> list(Config settings, String key) {
        return settings.getOptionalValue(key, String.class)
                .map(value -> Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .collect(Collectors.toCollection(LinkedHashSet::new)))
                .orElseGet(LinkedHashSet::new);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean failed = true;
        try {
            handle(request, response, chain);
            failed = false;
        } finally {
            // An exception out of the chain becomes the container's 500.
            requests.answered(failed ? 500 : response.getStatus());
        }
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI();
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", hsts);
        }
        if (isPersonal(path, request)) {
            response.setHeader("Cache-Control", "no-store");
        }

        String origin = request.getHeader("Origin");
        boolean allowedOrigin = cors.allows(origin);
        if (origin != null) {
            response.addHeader("Vary", "Origin");
        }
        if (allowedOrigin) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Expose-Headers", CorsPolicy.EXPOSED_HEADERS);
        }

        RateLimiter.Decision decision = limits.acquire(path, clients.of(request.getRemoteAddr(),
                request.getHeader("X-Forwarded-For")), System.nanoTime());
        if (!decision.allowed()) {
            response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
            answer(response, 429, "rate-limited", "too many requests from this address; retry after "
                    + decision.retryAfterSeconds() + " s", path);
            return;
        }

        if ("OPTIONS".equals(request.getMethod()) && origin != null
                && request.getHeader("Access-Control-Request-Method") != null) {
            if (!allowedOrigin) {
                answer(response, 403, "origin-not-allowed", "this origin may not call the API from a browser", path);
                return;
            }
            response.setHeader("Access-Control-Allow-Methods", CorsPolicy.ALLOWED_METHODS);
            response.setHeader("Access-Control-Allow-Headers", CorsPolicy.ALLOWED_HEADERS);
            response.setHeader("Access-Control-Max-Age", CorsPolicy.MAX_AGE_SECONDS);
            response.setStatus(204);
            return;
        }

        if (!UriEscapes.isWellFormed(path) || !UriEscapes.isWellFormed(request.getQueryString())) {
            answer(response, 400, "malformed-uri", "the path or query has a broken percent escape or is not UTF-8", path);
            return;
        }

        String accept = request.getHeader("Accept");
        String contentType = request.getHeader("Content-Type");
        if ((accept != null && !MediaTypeSyntax.isAccept(accept))
                || (contentType != null && !MediaTypeSyntax.isContentType(contentType))) {
            answer(response, 400, "malformed-header", "the Accept or Content-Type header is not a valid media type list", path);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Sign-in answers, the signed-in player, and anything asked for with a token are never stored. */
    static boolean isPersonal(String path, HttpServletRequest request) {
        return path.startsWith("/api/auth/") || path.equals("/api/me") || path.startsWith("/api/me/")
                || request.getHeader("Authorization") != null
                || (request.getQueryString() != null && request.getQueryString().contains("token="));
    }

    static void answer(HttpServletResponse response, int status, String code, String detail, String path)
            throws IOException {
        Problem problem = code == null
                ? StatusProblems.problem(status, ContainerErrorPage.safeInstance(path))
                : Problem.of(StatusProblems.statusType(status), code, detail, ContainerErrorPage.safeInstance(path));
        byte[] body = JSONB.toJson(problem).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(PROBLEM_JSON);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
