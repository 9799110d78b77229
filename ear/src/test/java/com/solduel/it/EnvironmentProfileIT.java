package com.solduel.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The environment a node runs in (MP_CONFIG_PROFILE) and the chain it talks to are named at start,
 * and a production node aimed at the localnet refuses to start: nothing is served, and its log says
 * why in production's structured JSON format.
 */
class EnvironmentProfileIT {

    private static final LibertyNode A = LibertyNode.a();
    private static final LibertyNode B = LibertyNode.b();

    @AfterAll
    static void stopNodeB() {
        B.stop();
    }

    @Test
    void theRunningNodeNamesItsProfileAndTheLocalnetsGenesisHash() throws IOException {
        String genesis = ((JsonString) SolanaLocalnet.rpc(SolanaLocalnet.PORTS.get(0), "getGenesisHash",
                Json.createArrayBuilder().build())).getString();

        assertThat(Files.readString(A.messagesLog()))
                .contains("starting: profile local, chain solana:localnet = a local chain, genesis hash " + genesis);
    }

    @Test
    void aProductionNodeAimedAtTheLocalnetRefusesToStart() throws IOException {
        B.stop();
        B.launch(Map.of("MP_CONFIG_PROFILE", "production"));

        String refusal = "SOL Duel refuses to start (profile production): the production profile moves real money"
                + " on Solana mainnet-beta only, but the RPC pool serves a local chain";
        TestEnvironment.await("node B to log its refusal", Duration.ofSeconds(120), () -> logLine(refusal).isPresent());

        // Production logs are structured: the refusal is one JSON object per line.
        JsonObject line = Json.createReader(new StringReader(logLine(refusal).orElseThrow())).readObject();
        assertThat(line.getString("loglevel")).isEqualTo("SEVERE");
        assertThat(line.getString("message")).contains(refusal).contains("MP_CONFIG_PROFILE=staging or local");
        // The application did not start: the player port serves nothing of it.
        TestEnvironment.await("Liberty to report the application's failed start", Duration.ofSeconds(60),
                () -> logLine("CWWKZ0002E").isPresent() || logLine("CWWKZ0004E").isPresent());
        assertThat(B.get("/api/ping", Duration.ofSeconds(5)).statusCode()).isEqualTo(404);
        assertThat(B.get("/health/ready", Duration.ofSeconds(5)).statusCode()).isNotEqualTo(200);
    }

    private static Optional<String> logLine(String text) {
        try {
            List<String> lines = Files.readAllLines(B.messagesLog());
            return lines.stream().filter(l -> l.contains(text)).findFirst();
        } catch (IOException notYet) {
            return Optional.empty();
        }
    }
}
