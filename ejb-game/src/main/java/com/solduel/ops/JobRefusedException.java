package com.solduel.ops;

import com.solduel.shared.SolDuelException;
import jakarta.ejb.ApplicationException;

/** A job an admin asked for that is not started: nothing changes. */
@ApplicationException(rollback = true)
public class JobRefusedException extends SolDuelException {

    private final String code;
    private final Kind kind;

    public JobRefusedException(String code, Kind kind, String message) {
        super(message);
        this.code = code;
        this.kind = kind;
    }

    /** {@code job-unknown}: the name is not one an admin may start ({@link AdminJobs#STARTABLE}). */
    public static JobRefusedException unknown(String jobName) {
        return new JobRefusedException("job-unknown", Kind.NOT_FOUND, "no job an admin may start is named '" + jobName
                + "' (startable: " + String.join(", ", AdminJobs.STARTABLE.stream().sorted().toList()) + ")");
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
