package com.solduel.wager;

import com.solduel.shared.SolDuelException;

/**
 * A wager or deposit request that is refused and changes nothing (no row, nothing credited). Inside
 * an EJB it rolls the transaction back (META-INF/ejb-jar.xml).
 */
public class WagerRefusedException extends SolDuelException {

    private final String code;
    private final Kind kind;

    public WagerRefusedException(String code, Kind kind, String message) {
        super(message);
        this.code = code;
        this.kind = kind;
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
