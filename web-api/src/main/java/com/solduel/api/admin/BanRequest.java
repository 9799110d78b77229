package com.solduel.api.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code {"reason": "why the player is banned"}}. */
@Schema(name = "BanRequest", description = "Why the player is banned")
public record BanRequest(
        @Schema(description = "The reason, kept with the ban and written to the server log: 1 to 200 characters, "
                + "not only spaces, no control characters (line breaks included)",
                required = true, minLength = 1, maxLength = 200, example = "chargeback fraud")
        @NotBlank(message = "reason is required")
        @Size(max = 200, message = "reason is at most 200 characters")
        @Pattern(regexp = "[^\\p{Cc}]*", message = "reason must not contain control characters")
        String reason) {
}
