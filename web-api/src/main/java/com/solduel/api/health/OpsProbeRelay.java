package com.solduel.api.health;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * MicroProfile Health ({@code /health/*}) and Metrics ({@code /metrics}) on the player port.
 * Liberty serves them from its own web modules on the same virtual host as the admin center and
 * the REST connector, which listen only on the admin endpoint (server.xml); probes and Prometheus
 * keep their paths on the player port through this read-only relay over loopback.
 */
@WebServlet({"/health", "/health/*", "/metrics", "/metrics/*"})
public class OpsProbeRelay extends HttpServlet {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Inject
    @ConfigProperty(name = "admin.http.port")
    int adminHttpPort;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        String query = request.getQueryString();
        HttpRequest.Builder relayed = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + adminHttpPort + path + (query == null ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(10)).GET();
        String accept = request.getHeader("Accept");
        if (accept != null && !accept.isBlank()) {
            relayed.header("Accept", accept);
        }
        try {
            HttpResponse<byte[]> answer = CLIENT.send(relayed.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.setStatus(answer.statusCode());
            answer.headers().firstValue("Content-Type").ifPresent(response::setContentType);
            response.getOutputStream().write(answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable(response);
        } catch (IOException e) {
            unavailable(response);
        }
    }

    private static void unavailable(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.getWriter().write("{\"status\":\"DOWN\",\"checks\":[]}");
    }
}
