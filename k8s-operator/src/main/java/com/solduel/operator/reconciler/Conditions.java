package com.solduel.operator.reconciler;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The standard condition rules: one per type, and lastTransitionTime moves only when the status does. */
final class Conditions {

    static final String READY = "Ready";
    static final String PROGRESSING = "Progressing";
    static final String DEGRADED = "Degraded";

    private Conditions() {
    }

    static void set(List<Condition> conditions, String type, boolean status, String reason, String message,
            long generation, Clock clock) {
        String value = status ? "True" : "False";
        Condition existing = conditions.stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
        String transition = existing != null && value.equals(existing.getStatus()) && existing.getLastTransitionTime() != null
                ? existing.getLastTransitionTime()
                : Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
        Condition updated = new ConditionBuilder().withType(type).withStatus(value).withReason(reason)
                .withMessage(message).withObservedGeneration(generation).withLastTransitionTime(transition).build();
        if (existing == null) {
            conditions.add(updated);
        } else {
            conditions.set(conditions.indexOf(existing), updated);
        }
    }
}
