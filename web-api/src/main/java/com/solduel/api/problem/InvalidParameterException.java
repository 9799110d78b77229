package com.solduel.api.problem;

import com.solduel.shared.SolDuelException;

/** A query or path parameter has a value the API does not accept; the message lists what it does. */
public class InvalidParameterException extends SolDuelException {

    public InvalidParameterException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "invalid-parameter";
    }

    @Override
    public Kind kind() {
        return Kind.INVALID_INPUT;
    }
}
