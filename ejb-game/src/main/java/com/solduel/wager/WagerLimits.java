package com.solduel.wager;

import com.solduel.money.Lamports;
import com.solduel.shared.SolDuelException.Kind;

/**
 * What a wager may be: 0 (free play) or from {@code min} to {@code max} lamports; the house keeps
 * {@code houseFeeBps} basis points of a decided pot.
 */
public record WagerLimits(Lamports min, Lamports max, int houseFeeBps) {

    public static final int BPS = 10_000;

    public WagerLimits {
        if (min.value() < 1 || min.compareTo(max) > 0) {
            throw new IllegalArgumentException("wager limits need 1 <= min <= max, got " + min + " .. " + max);
        }
        if (houseFeeBps < 0 || houseFeeBps >= BPS) {
            throw new IllegalArgumentException("the house fee is 0 to 9999 basis points, got " + houseFeeBps);
        }
    }

    /** The wager if allowed; {@code invalid-wager} otherwise. */
    public Lamports check(Lamports wager) {
        if (wager.value() != 0 && (wager.compareTo(min) < 0 || wager.compareTo(max) > 0)) {
            throw new WagerRefusedException("invalid-wager", Kind.INVALID_INPUT, "a wager is 0 (free play) or from "
                    + min.value() + " to " + max.value() + " lamports (" + min.toSolString() + " to " + max.toSolString()
                    + " SOL), got " + wager.value());
        }
        return wager;
    }

    /** The house's fee on a pot, rounded down to whole lamports. */
    public static long fee(long pot, int houseFeeBps) {
        return Math.multiplyExact(pot, (long) houseFeeBps) / BPS;
    }
}
