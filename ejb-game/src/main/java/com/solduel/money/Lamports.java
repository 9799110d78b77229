package com.solduel.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * An exact, non-negative amount of lamports (1 SOL = 1,000,000,000 lamports). Amounts are never
 * floating point; SOL appears only when an amount is shown to a person ({@link #toSolString()}).
 */
public record Lamports(long value) implements Comparable<Lamports> {

    public static final long PER_SOL = 1_000_000_000L;
    public static final Lamports ZERO = new Lamports(0);

    /** Digits only: no sign, no fraction, no exponent, no leading zeros (except "0" itself). */
    private static final Pattern PLAIN_INTEGER = Pattern.compile("0|[1-9][0-9]*");
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    public Lamports {
        if (value < 0) {
            throw new InvalidAmountException("an amount of lamports cannot be negative, got " + value);
        }
    }

    public static Lamports of(long value) {
        return new Lamports(value);
    }

    /**
     * Parses the text of a JSON number (or a decimal string) strictly: a plain non-negative integer
     * of at most {@link Long#MAX_VALUE}; fractions ({@code 1.0}), exponents ({@code 1e3}), signs and
     * values out of range are refused, never rounded or wrapped.
     */
    public static Lamports parse(String text) {
        if (text == null || !PLAIN_INTEGER.matcher(text).matches()) {
            throw new InvalidAmountException("an amount of lamports is a whole number from 0 to " + Long.MAX_VALUE
                    + " written without sign, fraction or exponent, got " + shorten(text));
        }
        BigInteger parsed = new BigInteger(text);
        if (parsed.compareTo(MAX) > 0) {
            throw new InvalidAmountException("an amount of lamports is at most " + Long.MAX_VALUE + ", got " + shorten(text));
        }
        return new Lamports(parsed.longValueExact());
    }

    public Lamports plus(Lamports other) {
        return new Lamports(Math.addExact(value, other.value));
    }

    /** The amount in SOL for display, e.g. {@code 1.5} or {@code 0.000000001}; never for arithmetic. */
    public String toSolString() {
        return BigDecimal.valueOf(value, 9).stripTrailingZeros().toPlainString();
    }

    @Override
    public int compareTo(Lamports other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value + " lamports";
    }

    private static String shorten(String text) {
        if (text == null) {
            return "nothing";
        }
        return text.length() > 40 ? "'" + text.substring(0, 40) + "…'" : "'" + text + "'";
    }
}
