package com.solduel.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WalletAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM",
        "HN7cABqLq46Es1jh92dQQisAq662SmxELLLsHHe4YWrH",
        "7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU",
        "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T",
        "11111111111111111111111111111111"})
    void acceptsSolanaPublicKeys(String text) {
        assertThat(WalletAddress.of(text).publicKey()).hasSize(32);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void missingAddressIsRefused(String text) {
        assertThatThrownBy(() -> WalletAddress.of(text))
                .isInstanceOf(InvalidWalletAddressException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void wrongLengthIsRefused() {
        assertThatThrownBy(() -> WalletAddress.of("1111")).hasMessageContaining("32 to 44");
        assertThatThrownBy(() -> WalletAddress.of("9".repeat(45))).hasMessageContaining("32 to 44");
    }

    @Test
    void nonBase58IsRefused() {
        assertThatThrownBy(() -> WalletAddress.of("0OIl" + "1".repeat(40)))
                .isInstanceOf(InvalidWalletAddressException.class)
                .hasMessageContaining("not base58");
    }

    @Test
    void base58ThatIsNot32BytesIsRefused() {
        // A 34-character Bitcoin address is valid base58 but 25 bytes.
        assertThatThrownBy(() -> WalletAddress.of("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"))
                .hasMessageContaining("32 bytes, got 25");
    }

    @Test
    void errorHasAStableCodeForTheApi() {
        var error = new InvalidWalletAddressException("x");
        assertThat(error.code()).isEqualTo("invalid-wallet-address");
        assertThat(error.kind()).isEqualTo(com.solduel.shared.SolDuelException.Kind.INVALID_INPUT);
    }
}
