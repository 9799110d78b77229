package com.solduel.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.solduel.operator.customresource.SolDuel;
import com.solduel.operator.customresource.SolDuelSpec;
import com.solduel.operator.desired.SpecValidation;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The rules the operator checks before applying anything, beyond the three the operator test drives. */
class SpecValidationTest {

    @Test
    void theSampleIsValid() throws Exception {
        assertThat(SpecValidation.problems(sample().getSpec())).isEmpty();
    }

    @Test
    void eachMistakeIsNamedWithItsReason() throws Exception {
        assertReason(s -> s.ingress.tlsHosts = List.of("api.solduel.com", "www.solduel.com"), "TlsHostUnknown");
        assertReason(s -> {
            s.database.cluster.enabled = false;
            s.database.host = null;
        }, "DatabaseHostMissing");
        assertReason(s -> s.redis.cluster.nodes = 7, "InvalidRedisCluster");
        assertReason(s -> {
            s.redis.cluster = null;
            s.redis.nodes = null;
        }, "RedisNodesMissing");
        assertReason(s -> {
            s.rpcPool.endpoints = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                s.rpcPool.endpoints.add(new SolDuelSpec.RpcEndpoint("https://rpc" + i + ".example.com", i, 10));
            }
        }, "TooManyRpcEndpoints");
        assertReason(s -> s.rpcPool.endpoints.get(1).url = "wss://rpc.example.com", "InvalidRpcEndpoint");
        assertReason(s -> s.rpcPool.fallbackStrategy = "random", "InvalidRpcPool");
        assertReason(s -> s.backup.schedule = "0 2 * * *", "InvalidBackupSchedule");
        assertReason(s -> s.image = " ", "ImageMissing");
        assertReason(s -> s.api.replicas = null, "InvalidReplicas");
        assertReason(s -> s.ingress.rateLimit = 0, "InvalidRateLimit");
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        SolDuel sd = sample();
        sd.getSpec().rpcPool.endpoints = new ArrayList<>();
        sd.getSpec().api.replicas = -2;
        sd.getSpec().ingress.tlsSecret = null;
        assertThat(SpecValidation.problems(sd.getSpec())).extracting(SpecValidation.Problem::reason)
                .containsExactlyInAnyOrder("NoRpcEndpoint", "InvalidReplicas", "TlsSecretMissing");
    }

    private static void assertReason(Consumer<SolDuelSpec> change, String reason) throws Exception {
        SolDuel sd = sample();
        change.accept(sd.getSpec());
        assertThat(SpecValidation.problems(sd.getSpec())).extracting(SpecValidation.Problem::reason)
                .as(reason).containsExactly(reason);
    }

    private static SolDuel sample() throws Exception {
        return Serialization.unmarshal(Files.readString(Path.of("samples/sol-duel.yaml")), SolDuel.class);
    }
}
