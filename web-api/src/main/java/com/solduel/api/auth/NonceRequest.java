package com.solduel.api.auth;

import com.solduel.api.ApiSchemas;
import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code {"wallet": "<base58 public key>"}}. */
@Schema(name = "NonceRequest", description = "The wallet that wants to sign in")
public record NonceRequest(
        @Schema(description = "The wallet's Ed25519 public key in base58 (32 bytes)", required = true,
                minLength = 32, maxLength = 44, pattern = ApiSchemas.BASE58_WALLET, example = ApiSchemas.WALLET_EXAMPLE)
        @NotBlank(message = "wallet is required") String wallet) {
}
