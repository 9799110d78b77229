package com.solduel.api;

import com.solduel.api.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The bare API round trip — the same HTTP edge (rate limit, headers) and JAX-RS path as every
 * operation, no database, no Redis: the baseline the read benchmarks compare against (SPEC §14).
 */
@ApplicationScoped
@Path("/ping")
@Produces(MediaType.APPLICATION_JSON)
public class PingResource {

    private static final byte[] PONG = "{\"pong\":true}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @GET
    @Operation(summary = "The API answers: a constant body, without touching PostgreSQL or Redis (a benchmark baseline)")
    @APIResponse(responseCode = "200", description = "Always {\"pong\": true}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                            description = "A constant answer", requiredProperties = "pong",
                            properties = @org.eclipse.microprofile.openapi.annotations.media.SchemaProperty(name = "pong",
                                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.BOOLEAN)),
                    examples = @ExampleObject(name = "pong", value = "{\"pong\": true}")))
    @APIResponse(responseCode = "400", description = "A malformed Accept header (`malformed-header`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiSchemas.RATE_LIMITED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response ping() {
        return Response.ok(PONG, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
