package com.solduel.api.game;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code {"signature": "<base58 transaction signature>"}}. */
@Schema(name = "DepositReport", description = "The transaction that sent your deposit to the vault")
public record DepositReport(
        @Schema(description = "The transaction's signature (base58 of 64 bytes)", required = true, minLength = 64,
                maxLength = 88, pattern = "^[1-9A-HJ-NP-Za-km-z]+$",
                example = "5VERv8NMvzbJMEkV8xnrLkEaWRtSz9CosKDYjCJjBRnbJLgp8uirBgmQpjKhoR4tjF3ZpRzrFmBV6UjKdiSZkQUW")
        @NotBlank(message = "signature is required") @Size(max = 88, message = "signature is at most 88 characters")
        String signature) {
}
