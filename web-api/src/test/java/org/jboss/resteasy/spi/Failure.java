package org.jboss.resteasy.spi;

/**
 * Test stand-in for RESTEasy's failure type (not on web-api's compile path): ProblemMappers finds
 * the real one by this name and reads {@code getErrorCode()} by reflection.
 */
public class Failure extends RuntimeException {

    private final int errorCode;

    public Failure(int errorCode, Throwable cause) {
        super("RESTEASY failure", cause);
        this.errorCode = errorCode;
    }

    public int getErrorCode() {
        return errorCode;
    }
}
