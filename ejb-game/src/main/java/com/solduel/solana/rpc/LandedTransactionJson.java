package com.solduel.solana.rpc;

import com.solduel.solana.Base58;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code getTransaction} result (encoding {@code json}) strictly. An RPC endpoint is not
 * trusted with money: a missing field, a wrong type, an index out of range, an address that is not
 * 32 bytes, or a transaction whose first signature is not the one asked for is refused with
 * {@link MalformedAnswerException}, never read as "probably fine".
 */
final class LandedTransactionJson {

    private static final int ADDRESS_BYTES = 32;
    private static final int SIGNATURE_BYTES = 64;

    private LandedTransactionJson() {
    }

    static LandedTransaction read(String askedSignature, JsonObject result) {
        JsonObject meta = object(result, "meta");
        JsonObject transaction = object(result, "transaction");
        JsonObject message = object(transaction, "message");
        JsonObject header = object(message, "header");

        List<String> signatures = strings(array(transaction, "signatures"), "transaction.signatures", SIGNATURE_BYTES);
        if (signatures.isEmpty() || !signatures.get(0).equals(askedSignature)) {
            throw new MalformedAnswerException("the transaction returned is not " + askedSignature);
        }
        List<String> keys = new ArrayList<>(strings(array(message, "accountKeys"), "message.accountKeys", ADDRESS_BYTES));
        int signerCount = intIn(header, "numRequiredSignatures", 1, keys.size());
        if (signatures.size() != signerCount) {
            throw new MalformedAnswerException(signatures.size() + " signatures for " + signerCount + " required signers");
        }
        if (meta.get("loadedAddresses") instanceof JsonObject loaded) {
            keys.addAll(strings(array(loaded, "writable"), "meta.loadedAddresses.writable", ADDRESS_BYTES));
            keys.addAll(strings(array(loaded, "readonly"), "meta.loadedAddresses.readonly", ADDRESS_BYTES));
        }
        List<LandedTransaction.Instruction> instructions = new ArrayList<>();
        for (JsonValue value : array(message, "instructions")) {
            if (!(value instanceof JsonObject instruction)) {
                throw new MalformedAnswerException("an instruction is not an object");
            }
            String program = keys.get(intIn(instruction, "programIdIndex", 0, keys.size() - 1));
            List<String> accounts = new ArrayList<>();
            for (JsonValue index : array(instruction, "accounts")) {
                if (!(index instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 0 || n.longValue() >= keys.size()) {
                    throw new MalformedAnswerException("an instruction's account index is not in 0.." + (keys.size() - 1));
                }
                accounts.add(keys.get(n.intValue()));
            }
            byte[] data;
            try {
                data = Base58.decode(string(instruction, "data"));
            } catch (IllegalArgumentException e) {
                throw new MalformedAnswerException("an instruction's data is not base58: " + e.getMessage());
            }
            instructions.add(new LandedTransaction.Instruction(program, accounts, data));
        }
        JsonValue err = meta.get("err");
        if (err == null) {
            throw new MalformedAnswerException("meta.err is missing (null means success; it must be present)");
        }
        return new LandedTransaction(askedSignature, longAtLeast(result, "slot", 0), longAtLeast(meta, "fee", 0),
                err.getValueType() == JsonValue.ValueType.NULL, keys, signerCount, instructions,
                balances(meta, "preBalances", keys.size()), balances(meta, "postBalances", keys.size()));
    }

    /** {@code meta.preBalances} / {@code postBalances}: one non-negative integer per account key, or empty when absent or empty. */
    private static List<Long> balances(JsonObject meta, String name, int accounts) {
        if (!meta.containsKey(name) || meta.get(name).getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        JsonArray values = array(meta, name);
        if (values.isEmpty()) {
            return List.of();
        }
        if (values.size() != accounts) {
            throw new MalformedAnswerException("meta." + name + " has " + values.size() + " entries for " + accounts + " accounts");
        }
        List<Long> balances = new ArrayList<>();
        for (JsonValue value : values) {
            if (!(value instanceof JsonNumber n) || !n.isIntegral() || n.bigIntegerValue().signum() < 0
                    || n.bigIntegerValue().bitLength() > 63) {
                throw new MalformedAnswerException("meta." + name + " holds a value that is not a lamport balance");
            }
            balances.add(n.longValueExact());
        }
        return balances;
    }

    private static JsonObject object(JsonObject parent, String name) {
        if (parent.get(name) instanceof JsonObject o) {
            return o;
        }
        throw new MalformedAnswerException(name + " is not an object");
    }

    private static JsonArray array(JsonObject parent, String name) {
        if (parent.get(name) instanceof JsonArray a) {
            return a;
        }
        throw new MalformedAnswerException(name + " is not an array");
    }

    private static String string(JsonObject parent, String name) {
        if (parent.get(name) instanceof JsonString s) {
            return s.getString();
        }
        throw new MalformedAnswerException(name + " is not a string");
    }

    private static long longAtLeast(JsonObject parent, String name, long min) {
        if (parent.get(name) instanceof JsonNumber n && n.isIntegral()) {
            try {
                long value = n.longValueExact();
                if (value >= min) {
                    return value;
                }
            } catch (ArithmeticException e) {
                // out of range: refused below
            }
        }
        throw new MalformedAnswerException(name + " is not an integer of at least " + min);
    }

    private static int intIn(JsonObject parent, String name, int min, int max) {
        long value = longAtLeast(parent, name, min);
        if (value > max) {
            throw new MalformedAnswerException(name + " is " + value + ", beyond " + max);
        }
        return (int) value;
    }

    /** Base58 strings that decode to exactly {@code bytes} bytes. */
    private static List<String> strings(JsonArray array, String name, int bytes) {
        List<String> values = new ArrayList<>();
        for (JsonValue value : array) {
            if (!(value instanceof JsonString s)) {
                throw new MalformedAnswerException(name + " holds a value that is not a string");
            }
            try {
                if (Base58.decode(s.getString()).length != bytes) {
                    throw new MalformedAnswerException(name + " holds '" + shorten(s.getString()) + "', not " + bytes + " bytes");
                }
            } catch (IllegalArgumentException e) {
                throw new MalformedAnswerException(name + " holds a value that is not base58");
            }
            values.add(s.getString());
        }
        return values;
    }

    private static String shorten(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
    }

    /** The endpoint's answer cannot be read as a transaction. */
    static final class MalformedAnswerException extends RuntimeException {
        MalformedAnswerException(String message) {
            super(message);
        }
    }
}
