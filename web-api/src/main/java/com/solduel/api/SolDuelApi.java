package com.solduel.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The REST API under {@code /api}; its OpenAPI document is served at {@code /openapi}. */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "SOL Duel API", version = "0.1",
        description = "Players, games and wagers of SOL Duel. Errors are RFC 9457 problem details."))
public class SolDuelApi extends Application {
}
