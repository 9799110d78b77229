package com.solduel.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API under {@code /api}; its OpenAPI document is served at {@code /openapi}. Protected
 * resources take the JWT from POST /api/auth/verify as a Bearer token (MicroProfile JWT).
 */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT", realmName = "sol-duel")
@DeclareRoles({"player", "admin"})
@SecurityScheme(securitySchemeName = "jwt", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@OpenAPIDefinition(info = @Info(title = "SOL Duel API", version = "0.1",
        description = "Players, games and wagers of SOL Duel. Errors are RFC 9457 problem details."))
public class SolDuelApi extends Application {
}
