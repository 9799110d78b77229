package com.solduel.solana.rpc;

import jakarta.json.JsonValue;

/**
 * Where a sent transaction stands: its slot, confirmations ({@code null} once rooted),
 * {@code processed|confirmed|finalized}, and {@code err} ({@code JsonValue.NULL} when it succeeded —
 * the field solanaj's {@code SignatureStatuses.Value} lacks).
 */
public record SignatureStatus(long slot, Long confirmations, String confirmationStatus, JsonValue err) {

    /** True when the transaction executed without error. */
    public boolean succeeded() {
        return err == null || err.getValueType() == JsonValue.ValueType.NULL;
    }
}
