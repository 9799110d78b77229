package com.solduel.solana.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RpcLaneConfigSourceTest {

    private static final String LANE = "com.solduel.solana.rpc.RpcLane";

    private static RpcPoolSettings settings(String json) {
        return new RpcPoolSettings(RpcPoolConfig.parse(json), Duration.ofMillis(4000), 2);
    }

    @Test
    void everyEndpointTunesItsOwnLaneFromRpcPoolJson() {
        Map<String, String> keys = RpcLaneConfigSource.faultToleranceKeys(settings(RpcPoolConfigTest.SEED));

        assertThat(keys).contains(
                entry(LANE + "1/Timeout/value", "5000"),
                entry(LANE + "1/Bulkhead/value", "100"),
                entry(LANE + "2/Bulkhead/value", "80"),
                entry(LANE + "3/Bulkhead/value", "60"),
                entry(LANE + "3/CircuitBreaker/requestVolumeThreshold", "5"),
                entry(LANE + "2/CircuitBreaker/delay", "4000"),
                entry(LANE + "1/CircuitBreaker/successThreshold", "2"),
                entry("com.solduel.solana.rpc.RpcFailover/attempt/Retry/maxRetries", "3"));
    }

    @Test
    void eachLaneValueIsAlsoGivenInThePerMethodForm() {
        Map<String, String> keys = RpcLaneConfigSource.faultToleranceKeys(settings(RpcPoolConfigTest.SEED));

        assertThat(keys).contains(entry(LANE + "2/send/Timeout/value", "5000"),
                entry(LANE + "2/send/Bulkhead/value", "80"),
                entry(LANE + "2/send/CircuitBreaker/requestVolumeThreshold", "5"));
        assertThat(keys).hasSize(3 * 2 * 5 + 1);
    }

    @Test
    void differentTimeoutsGoToDifferentLanesAndUnusedLanesGetNothing() {
        String json = RpcPoolConfigTest.pool(RpcPoolConfigTest.endpoint("http://127.0.0.1:18899", 1, 2000, 50) + ","
                + RpcPoolConfigTest.endpoint("http://127.0.0.1:18901", 2, 750, 40), RpcPoolConfigTest.REST);

        Map<String, String> keys = RpcLaneConfigSource.faultToleranceKeys(settings(json));

        assertThat(keys).contains(entry(LANE + "1/Timeout/value", "2000"), entry(LANE + "2/Timeout/value", "750"),
                entry(LANE + "1/CircuitBreaker/requestVolumeThreshold", "1"),
                entry("com.solduel.solana.rpc.RpcFailover/attempt/Retry/maxRetries", "0"));
        assertThat(keys.keySet()).noneMatch(key -> key.startsWith(LANE + "3"));
    }

    @Test
    void theKeysNameTheRealLaneAndRetryClasses() {
        Map<String, String> keys = RpcLaneConfigSource.faultToleranceKeys(settings(RpcPoolConfigTest.SEED));

        assertThat(keys).containsKey(RpcLane3.class.getName() + "/Timeout/value")
                .containsKey(RpcFailover.class.getName() + "/attempt/Retry/maxRetries");
    }

    @Test
    void otherKeysAreNeverAnsweredSoTheSourceCannotRecurseIntoItself() {
        RpcLaneConfigSource source = new RpcLaneConfigSource();

        assertThat(source.getValue(RpcPoolSettings.POOL)).isNull();
        assertThat(source.getValue("mp.config.profile")).isNull();
        assertThat(source.getName()).contains("rpc-pool.json");
    }
}
