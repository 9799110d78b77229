package com.solduel.money;

import com.solduel.shared.SolDuelException;

/** An amount of money given from outside is not an exact, non-negative number of lamports. */
public class InvalidAmountException extends SolDuelException {

    public InvalidAmountException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "invalid-amount";
    }

    @Override
    public Kind kind() {
        return Kind.INVALID_INPUT;
    }
}
