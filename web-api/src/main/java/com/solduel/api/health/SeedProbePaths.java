package com.solduel.api.health;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The seed's readiness probe path {@code /ready} (its liveness path {@code /health} is
 * MicroProfile Health's own): the same readiness checks, the same JSON, 200 when UP, 503 when DOWN.
 */
@WebServlet("/ready")
public class SeedProbePaths extends HttpServlet {

    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    @Any
    @Readiness
    Instance<HealthCheck> readinessChecks;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean up = true;
        JsonArrayBuilder checks = JSON.createArrayBuilder();
        for (HealthCheck check : readinessChecks) {
            HealthCheckResponse result = check.call();
            up &= result.getStatus() == HealthCheckResponse.Status.UP;
            JsonObjectBuilder entry = JSON.createObjectBuilder()
                    .add("name", result.getName())
                    .add("status", result.getStatus().name());
            checks.add(entry);
        }
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.getWriter().write(JSON.createObjectBuilder()
                .add("status", up ? "UP" : "DOWN")
                .add("checks", checks)
                .build()
                .toString());
    }
}
