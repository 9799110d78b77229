package com.solduel.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.solduel.operator.customresource.SolDuel;
import com.solduel.operator.desired.SolDuelObjects;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Template rules that need no API server. */
class SolDuelObjectsTest {

    @Test
    void theEngineKeepsTheAutoscalersSizeWithinTheSpecsRangeAndStopsAtZero() throws Exception {
        SolDuel sd = Serialization.unmarshal(Files.readString(Path.of("samples/sol-duel.yaml")), SolDuel.class);
        // replicas 5, maxReplicas 10
        assertThat(SolDuelObjects.engineDeployment(sd, null).getSpec().getReplicas()).isEqualTo(5);
        assertThat(SolDuelObjects.engineDeployment(sd, 8).getSpec().getReplicas()).isEqualTo(8);
        assertThat(SolDuelObjects.engineDeployment(sd, 20).getSpec().getReplicas()).isEqualTo(10);
        assertThat(SolDuelObjects.engineDeployment(sd, 2).getSpec().getReplicas()).isEqualTo(5);
        sd.getSpec().engine.replicas = 0;
        assertThat(SolDuelObjects.engineDeployment(sd, 6).getSpec().getReplicas()).isZero();
        assertThat(SolDuelObjects.engineHpa(sd).getSpec().getMinReplicas()).isEqualTo(1);
    }

    @Test
    void theBackupStoreIsNeverTheAppsLoopbackDefault() throws Exception {
        SolDuel sd = Serialization.unmarshal(Files.readString(Path.of("samples/sol-duel.yaml")), SolDuel.class);
        assertThat(SolDuelObjects.config(sd).getData()).containsEntry("SOLDUEL_BACKUP_S3_ENDPOINT",
                "https://s3.us-east-1.amazonaws.com");
        sd.getSpec().backup.endpoint = "https://minio.example.net";
        assertThat(SolDuelObjects.config(sd).getData()).containsEntry("SOLDUEL_BACKUP_S3_ENDPOINT",
                "https://minio.example.net");
    }
}
