package com.solduel.audit;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the audit log, newest first; {@code nextBefore} asks for the next page (null on the last). */
@Schema(name = "AuditPage", description = "A page of the admin audit log, newest first", requiredProperties = {"entries"})
public record AuditPage(
        @Schema(description = "The rows, newest first") List<AuditEntry> entries,
        @Schema(description = "Pass as `before` for the next page; null when this is the last page", example = "88")
        Long nextBefore) {

    /** The page of {@code entries} read with {@code limit}: a full page may have a next one. */
    public static AuditPage of(List<AuditEntry> entries, int limit) {
        return new AuditPage(entries, entries.size() == limit && !entries.isEmpty() ? entries.get(entries.size() - 1).id() : null);
    }
}
