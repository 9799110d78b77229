package com.solduel.api.admin;

import com.solduel.api.ApiSchemas;
import com.solduel.api.problem.Problem;
import com.solduel.audit.AdminAct;
import com.solduel.audit.AdminAudit;
import com.solduel.audit.AuditAction;
import com.solduel.auth.PlayerTokens;
import com.solduel.player.WalletAddress;
import com.solduel.ops.AdminJobs;
import com.solduel.ops.JobRefusedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Admin: start a batch job now (backup, restore-verify) and follow its executions (docs/operations.md). */
@ApplicationScoped
@Path("/admin/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class AdminJobResource {

    private static final Logger LOG = Logger.getLogger(AdminJobResource.class.getName());
    private static final String FORBIDDEN = "`forbidden`: the token is not an admin's (group admin)";
    private static final String JOB_NAME = "[a-z][a-z0-9-]{0,63}";

    @EJB
    AdminJobs jobs;

    @EJB
    AdminAudit audit;

    @Inject
    AdminCaller caller;

    @POST
    @Path("/{name}")
    @RolesAllowed(PlayerTokens.ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Start a batch job now (admin)",
            description = "Starts `backup` (pg_dump to the S3-compatible store, read back and checked, then retention) or "
                    + "`restore-verify` (the newest backup restored into a scratch database and compared with the source) at once, "
                    + "beside their daily schedule. Answers as soon as the execution exists; follow it with "
                    + "`GET /api/admin/jobs?name=`. No request body. Each start is a row of the audit log (action `JOB_START`, "
                    + "the execution id after).")
    @APIResponse(responseCode = "202", description = "The execution started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobStarted.class),
                    examples = @ExampleObject(name = "started", value = "{\"jobName\": \"backup\", \"executionId\": 31}")))
    @APIResponse(responseCode = "400", description = "A malformed Accept header (`malformed-header`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = ApiSchemas.UNAUTHORIZED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "`job-unknown`: no job an admin may start has this name; nothing started",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiSchemas.RATE_LIMITED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "`batch-unavailable`: the batch runtime did not answer in time; or "
            + ApiSchemas.DATABASE_UNAVAILABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response start(@Parameter(description = "The job's name", schema = @Schema(type = SchemaType.STRING,
            enumeration = {"backup", "restore-verify"})) @PathParam("name") String name) {
        if (!AdminJobs.STARTABLE.contains(name)) {
            throw JobRefusedException.unknown(name.length() > 64 ? name.substring(0, 64) + "..." : name);
        }
        WalletAddress admin = caller.wallet();
        JobStarted started = audit.perform(new AdminAct(admin, AuditAction.JOB_START, "job:" + name, null), () -> null,
                () -> new JobStarted(name, jobs.start(name)), after -> after);
        LOG.info(() -> "admin " + admin.value() + " started job " + name + ": execution " + started.executionId());
        return Response.accepted(started).build();
    }

    @GET
    @RolesAllowed(PlayerTokens.ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "List recent batch job executions, newest first (admin)",
            description = "From Liberty's job repository in PostgreSQL: every execution of `name` (or of every job), whoever started "
                    + "it (the daily schedule, an admin, the payouts sweep). The admin center's Java Batch tool shows the same history.")
    @APIResponse(responseCode = "200", description = "Up to `limit` executions, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = JobRunView.class),
                    examples = @ExampleObject(name = "backups", value = "[{\"executionId\": 31, \"instanceId\": 27, \"jobName\": \"backup\", "
                            + "\"status\": \"COMPLETED\", \"exitStatus\": \"BACKED_UP backup 12: sol-duel/2026/11/30/sol_duel-20261130T020000Z-12.dump, "
                            + "1843200 bytes, sha256 9f2c..., 412003 rows in 15 tables, dump 2100 ms, upload and read-back 900 ms\", "
                            + "\"createdAt\": \"2026-11-30T02:00:00Z\", \"startedAt\": \"2026-11-30T02:00:00Z\", "
                            + "\"endedAt\": \"2026-11-30T02:00:03Z\"}]")))
    @APIResponse(responseCode = "400", description = "A malformed Accept header (`malformed-header`), `limit` not an integer "
            + "(`invalid-number`), or a value out of range or a malformed name (`invalid-request`, with `violations`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = ApiSchemas.UNAUTHORIZED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiSchemas.RATE_LIMITED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "`batch-unavailable`: the batch runtime did not answer in time; or "
            + ApiSchemas.DATABASE_UNAVAILABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<JobRunView> list(
            @Parameter(description = "Only this job's executions (e.g. `backup`, `restore-verify`, `payouts`); every job's when absent",
                    example = "backup")
            @QueryParam("name") @Pattern(regexp = JOB_NAME) String name,
            @Parameter(description = "How many at most", example = "20")
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200) int limit) {
        return jobs.recent(name, limit).stream().map(JobRunView::of).toList();
    }
}
