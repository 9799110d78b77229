package com.solduel.solana.rpc;

import jakarta.json.JsonValue;
import java.util.List;

/** A landed transaction as getTransaction reports it; {@code err} is its {@code meta.err}. */
public record ConfirmedTransaction(long slot, Long blockTime, long fee, JsonValue err, List<String> logMessages) {

    public ConfirmedTransaction {
        logMessages = List.copyOf(logMessages);
    }

    /** True when the transaction executed without error ({@code meta.err} is null). */
    public boolean succeeded() {
        return err == null || err.getValueType() == JsonValue.ValueType.NULL;
    }
}
