package com.solduel.batch.backup;

/** A backup or restore check that did not succeed; its message is the job's exit status. */
public class BackupFailedException extends Exception {

    public BackupFailedException(String message) {
        super(message);
    }

    public BackupFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
