package com.solduel.solana.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RpcPoolSettingsTest {

    private final Map<String, String> config = new HashMap<>(Map.of(
            RpcPoolSettings.BREAKER_DELAY_MS, "4000",
            RpcPoolSettings.BREAKER_SUCCESS_THRESHOLD, "1"));

    private RpcPoolSettings load() {
        return RpcPoolSettings.load(name -> Optional.ofNullable(config.get(name)));
    }

    @Test
    void thePoolJsonComesFromMicroProfileConfig() {
        config.put(RpcPoolSettings.POOL, RpcPoolConfigTest.SEED);

        RpcPoolSettings settings = load();

        assertThat(settings.pool().endpoints()).hasSize(3);
        assertThat(settings.breakerDelay()).isEqualTo(Duration.ofSeconds(4));
        assertThat(settings.breakerSuccessThreshold()).isEqualTo(1);
    }

    @Test
    void aMountedRpcPoolJsonFileWinsOverTheInlineValue(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rpc-pool.json");
        Files.writeString(file, RpcPoolConfigTest.SEED);
        config.put(RpcPoolSettings.POOL, RpcPoolConfigTest.pool(
                RpcPoolConfigTest.endpoint("http://127.0.0.1:8899", 1, 1, 1), RpcPoolConfigTest.REST));
        config.put(RpcPoolSettings.POOL_FILE, file.toString());

        assertThat(load().pool().endpoints().get(0).url()).hasToString("https://api.mainnet-beta.solana.com");
    }

    @Test
    void anUnreadableFileIsNamed(@TempDir Path dir) {
        config.put(RpcPoolSettings.POOL_FILE, dir.resolve("missing.json").toString());

        assertThatThrownBy(this::load).hasMessageContaining(RpcPoolSettings.POOL_FILE)
                .hasMessageContaining("missing.json");
    }

    @Test
    void invalidJsonSaysWhichSettingItCameFrom() {
        config.put(RpcPoolSettings.POOL, "{\"endpoints\":[]}");

        assertThatThrownBy(this::load).hasMessageStartingWith(RpcPoolSettings.POOL + ": the RPC pool configuration is invalid");
    }

    @Test
    void missingPoolAndBadBreakerValuesAreExplained() {
        assertThatThrownBy(this::load).hasMessageContaining(RpcPoolSettings.POOL + " is not set");

        config.put(RpcPoolSettings.POOL, RpcPoolConfigTest.SEED);
        config.put(RpcPoolSettings.BREAKER_DELAY_MS, "soon");
        assertThatThrownBy(this::load).hasMessageContaining(RpcPoolSettings.BREAKER_DELAY_MS + " must be a positive whole number");

        config.put(RpcPoolSettings.BREAKER_DELAY_MS, "0");
        assertThatThrownBy(this::load).hasMessageContaining(RpcPoolSettings.BREAKER_DELAY_MS + " must be positive");
    }
}
