package com.solduel.api.auth;

import com.solduel.api.ApiSchemas;
import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code {"wallet": "<base58 public key>", "signature": "<base58 64-byte signature of the challenge>"}}. */
@Schema(name = "VerifyRequest", description = "The wallet and its signature of the challenge message")
public record VerifyRequest(
        @Schema(description = "The wallet's Ed25519 public key in base58 (32 bytes)", required = true,
                minLength = 32, maxLength = 44, pattern = ApiSchemas.BASE58_WALLET, example = ApiSchemas.WALLET_EXAMPLE)
        @NotBlank(message = "wallet is required") String wallet,
        @Schema(description = "The Ed25519 signature of the exact challenge message, base58 (64 bytes)", required = true,
                minLength = 64, maxLength = 88, pattern = ApiSchemas.BASE58,
                example = "5VERv8NMvzbJMEkV8xnrLkEaWRtSz9CosKDYjCJjBRnbJLgp8uirBgmQpjKhoR4tjF3ZpRzrFmBV6UjKdiSZkQUW")
        @NotBlank(message = "signature is required") String signature) {
}
