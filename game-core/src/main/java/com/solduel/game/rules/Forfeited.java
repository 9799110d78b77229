package com.solduel.game.rules;

import java.util.Objects;

/** {@code seat} forfeited the game because of {@code cause}. */
public record Forfeited(Seat seat, ForfeitCause cause) {

    /** Rejects missing parts. */
    public Forfeited {
        Objects.requireNonNull(seat, "seat");
        Objects.requireNonNull(cause, "cause");
    }
}
