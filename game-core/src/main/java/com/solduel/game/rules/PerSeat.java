package com.solduel.game.rules;

import java.util.Objects;
import java.util.function.Function;

/** An immutable value for each seat, e.g. both players' hit points. */
public record PerSeat<T>(T p1, T p2) {

    /** A pair built by asking {@code valueFor} about each seat. */
    public static <T> PerSeat<T> of(Function<Seat, T> valueFor) {
        return new PerSeat<>(valueFor.apply(Seat.P1), valueFor.apply(Seat.P2));
    }

    /** The same value for both seats. */
    public static <T> PerSeat<T> both(T value) {
        return new PerSeat<>(value, value);
    }

    /** The value of {@code seat}. */
    public T get(Seat seat) {
        return Objects.requireNonNull(seat, "seat") == Seat.P1 ? p1 : p2;
    }

    /** A copy with {@code seat}'s value replaced. */
    public PerSeat<T> with(Seat seat, T value) {
        return seat == Seat.P1 ? new PerSeat<>(value, p2) : new PerSeat<>(p1, value);
    }

    /** Both values transformed by {@code f}. */
    public <R> PerSeat<R> map(Function<T, R> f) {
        return new PerSeat<>(f.apply(p1), f.apply(p2));
    }
}
