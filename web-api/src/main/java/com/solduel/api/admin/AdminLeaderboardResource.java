package com.solduel.api.admin;

import com.solduel.api.ApiSchemas;
import com.solduel.api.problem.Problem;
import com.solduel.audit.AdminAct;
import com.solduel.audit.AdminAudit;
import com.solduel.audit.AuditAction;
import com.solduel.auth.PlayerTokens;
import com.solduel.leaderboard.LeaderboardRebuilds;
import com.solduel.leaderboard.LeaderboardsRebuilt;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Admin: rebuild the leaderboards from PostgreSQL. */
@ApplicationScoped
@Path("/admin/leaderboard")
@Produces(MediaType.APPLICATION_JSON)
public class AdminLeaderboardResource {

    @Inject
    LeaderboardRebuilds rebuilds;

    @EJB
    AdminAudit audit;

    @Inject
    AdminCaller caller;

    @POST
    @Path("/rebuild")
    @RolesAllowed(PlayerTokens.ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Rebuild every game type's leaderboard in Redis from PostgreSQL (admin)",
            description = "PostgreSQL's player_ratings are the truth: every player with a rated game is written to "
                    + "the game type's sorted set, players no longer on it are removed. Reads keep being answered "
                    + "while it runs. No request body. Each rebuild is a row of the audit log (action `LEADERBOARD_REBUILD`, the "
                    + "boards after).")
    @APIResponse(responseCode = "200", description = "How many players each game type's leaderboard holds now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LeaderboardsRebuilt"),
                    examples = @ExampleObject(name = "rebuilt", value = "{\"boards\": [{\"gameType\": \"DUEL\", \"players\": 12}, "
                            + "{\"gameType\": \"RPS\", \"players\": 143}]}")))
    @APIResponse(responseCode = "400", description = "A malformed Accept header (`malformed-header`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = ApiSchemas.UNAUTHORIZED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "`forbidden`: the token is not an admin's (group admin)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiSchemas.RATE_LIMITED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "`redis-unavailable`: Redis cannot be written; the leaderboards are "
            + "answered from PostgreSQL meanwhile, retry once it is back",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public LeaderboardsRebuilt rebuild() {
        return audit.perform(new AdminAct(caller.wallet(), AuditAction.LEADERBOARD_REBUILD, "leaderboards", null), () -> null,
                rebuilds::rebuildAll, after -> after);
    }
}
