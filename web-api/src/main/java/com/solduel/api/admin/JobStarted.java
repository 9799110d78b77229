package com.solduel.api.admin;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to an admin starting a job: which execution to follow. */
@Schema(name = "JobStarted", description = "A job execution started; follow it with GET /api/admin/jobs?name=")
public record JobStarted(
        @Schema(description = "The job's name", example = "backup") String jobName,
        @Schema(description = "The new execution's id", example = "31") long executionId) {
}
