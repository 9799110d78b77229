package com.solduel.api.auth;

import jakarta.validation.constraints.NotBlank;

/** {@code {"wallet": "<base58 public key>"}}. */
public record NonceRequest(@NotBlank(message = "wallet is required") String wallet) {
}
