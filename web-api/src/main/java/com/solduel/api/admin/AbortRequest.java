package com.solduel.api.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code {"reason": "why the game is aborted"}}. */
@Schema(name = "AbortRequest", description = "Why the game is aborted")
public record AbortRequest(
        @Schema(description = "The reason, kept with the game and in the audit log: 1 to 200 characters, not only spaces, "
                + "no control characters", required = true, minLength = 1, maxLength = 200, example = "stuck after an RPC outage")
        @NotBlank(message = "reason is required")
        @Size(max = 200, message = "reason is at most 200 characters")
        @Pattern(regexp = "[^\\p{Cc}]*", message = "reason must not contain control characters")
        String reason) {
}
