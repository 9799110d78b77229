package com.solduel.api.auth;

import jakarta.validation.constraints.NotBlank;

/** {@code {"wallet": "<base58 public key>", "signature": "<base58 64-byte signature of the challenge>"}}. */
public record VerifyRequest(@NotBlank(message = "wallet is required") String wallet,
                            @NotBlank(message = "signature is required") String signature) {
}
