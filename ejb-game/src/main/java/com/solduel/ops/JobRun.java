package com.solduel.ops;

import java.time.Instant;

/**
 * One execution of a Jakarta Batch job, as Liberty's job repository (PostgreSQL, schema batch)
 * records it. {@code status} is the batch status (STARTING, STARTED, COMPLETED, FAILED, STOPPED, ...);
 * {@code exitStatus} is what the job said about its outcome (e.g. {@code VERIFIED backup 12: ...}).
 */
public record JobRun(long executionId, long instanceId, String jobName, String status, String exitStatus,
                     Instant createdAt, Instant startedAt, Instant endedAt) {
}
