package com.solduel.api.input;

import com.solduel.api.problem.InvalidFieldException;
import java.math.BigInteger;
import java.util.regex.Pattern;

/** Integer parsing that refuses instead of wrapping, rounding or accepting another notation. */
public final class StrictNumbers {

    /** An optional minus, then digits without leading zeros: no plus, fraction, exponent or spaces. */
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final int MAX_DIGITS = 40;

    private StrictNumbers() {
    }

    /** Whether {@code type} is an integer type this class parses. */
    public static boolean isIntegerType(Class<?> type) {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == byte.class || type == Byte.class;
    }

    /** {@code text} as a value of {@code type} (an {@link #isIntegerType integer type}), exactly. */
    public static Number parse(String field, String text, Class<?> type) {
        if (text == null || text.length() > MAX_DIGITS || !INTEGER.matcher(text).matches()) {
            throw InvalidFieldException.number(field, field + " must be a whole number between " + min(type) + " and "
                    + max(type) + ", written without fraction or exponent; got " + quoted(text));
        }
        BigInteger value = new BigInteger(text);
        if (value.compareTo(BigInteger.valueOf(min(type))) < 0 || value.compareTo(BigInteger.valueOf(max(type))) > 0) {
            throw InvalidFieldException.number(field, field + " must be between " + min(type) + " and " + max(type)
                    + "; got " + quoted(text));
        }
        long exact = value.longValueExact();
        if (type == int.class || type == Integer.class) {
            return (int) exact;
        }
        if (type == short.class || type == Short.class) {
            return (short) exact;
        }
        if (type == byte.class || type == Byte.class) {
            return (byte) exact;
        }
        return exact;
    }

    private static long min(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return Integer.MIN_VALUE;
        }
        if (type == short.class || type == Short.class) {
            return Short.MIN_VALUE;
        }
        if (type == byte.class || type == Byte.class) {
            return Byte.MIN_VALUE;
        }
        return Long.MIN_VALUE;
    }

    private static long max(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return Integer.MAX_VALUE;
        }
        if (type == short.class || type == Short.class) {
            return Short.MAX_VALUE;
        }
        if (type == byte.class || type == Byte.class) {
            return Byte.MAX_VALUE;
        }
        return Long.MAX_VALUE;
    }

    static String quoted(String text) {
        if (text == null) {
            return "nothing";
        }
        String shown = text.length() > MAX_DIGITS ? text.substring(0, MAX_DIGITS) + "…" : text;
        StringBuilder safe = new StringBuilder(shown.length() + 2).append('\'');
        shown.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                safe.append(String.format("\\u%04x", c));
            } else {
                safe.appendCodePoint(c);
            }
        });
        return safe.append('\'').toString();
    }
}
