package com.solduel.api.admin;

import com.solduel.ops.JobRun;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One execution of a Jakarta Batch job as an admin sees it (docs/operations.md). */
@Schema(name = "JobExecution", description = "One execution of a batch job, from Liberty's job repository (PostgreSQL, schema batch)")
public record JobRunView(
        @Schema(description = "The execution's id (the admin center's Java Batch tool shows the same)", example = "31") long executionId,
        @Schema(description = "The job instance it belongs to", example = "27") long instanceId,
        @Schema(description = "The job's name", example = "backup") String jobName,
        @Schema(description = "Batch status", enumeration = {"STARTING", "STARTED", "STOPPING", "STOPPED", "FAILED", "COMPLETED", "ABANDONED"})
        String status,
        @Schema(description = "What the job said about its outcome, e.g. `BACKED_UP backup 12: ...`, `VERIFIED backup 12: ...`, "
                + "`CHECKSUM_MISMATCH backup 12: ...`; null while it runs", nullable = true) String exitStatus,
        @Schema(description = "When it was submitted") Instant createdAt,
        @Schema(description = "When it started; null before", nullable = true) Instant startedAt,
        @Schema(description = "When it ended; null while it runs", nullable = true) Instant endedAt) {

    static JobRunView of(JobRun run) {
        return new JobRunView(run.executionId(), run.instanceId(), run.jobName(), run.status(), run.exitStatus(), run.createdAt(),
                run.startedAt(), run.endedAt());
    }
}
