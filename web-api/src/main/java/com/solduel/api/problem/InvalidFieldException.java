package com.solduel.api.problem;

import com.solduel.shared.SolDuelException;

/**
 * One field of a request (a body property, a path or query parameter) has a value of the wrong
 * kind: a number out of range, fractional or in exponent form where an integer is expected, or a
 * string where a number is expected. The problem names the field.
 */
public class InvalidFieldException extends SolDuelException {

    private final String field;
    private final String code;

    private InvalidFieldException(String field, String code, String message) {
        super(message);
        this.field = field;
        this.code = code;
    }

    /** A number that is not an exact value of the expected integer type. */
    public static InvalidFieldException number(String field, String message) {
        return new InvalidFieldException(field, "invalid-number", message);
    }

    /** A JSON value of the wrong type (e.g. a number where a string is expected). */
    public static InvalidFieldException type(String field, String message) {
        return new InvalidFieldException(field, "invalid-type", message);
    }

    public String field() {
        return field;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Kind kind() {
        return Kind.INVALID_INPUT;
    }
}
