package com.solduel.solana.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RpcPoolConfigTest {

    /** The seed's ConfigMap content, verbatim. */
    static final String SEED = """
            {
              "endpoints": [
                {
                  "url": "https://api.mainnet-beta.solana.com",
                  "priority": 1,
                  "timeout": 5000,
                  "maxConcurrentRequests": 100
                },
                {
                  "url": "https://solana-api.projectserum.com",
                  "priority": 2,
                  "timeout": 5000,
                  "maxConcurrentRequests": 80
                },
                {
                  "url": "https://rpc.ankr.com/solana",
                  "priority": 3,
                  "timeout": 5000,
                  "maxConcurrentRequests": 60
                }
              ],
              "fallbackStrategy": "round-robin",
              "healthCheckInterval": 30000,
              "retryAttempts": 3,
              "circuitBreakerThreshold": 5
            }
            """;

    static String pool(String endpoints, String rest) {
        return "{\"endpoints\":[" + endpoints + "]" + (rest.isEmpty() ? "" : "," + rest) + "}";
    }

    static String endpoint(String url, int priority, long timeout, int concurrent) {
        return "{\"url\":\"" + url + "\",\"priority\":" + priority + ",\"timeout\":" + timeout
                + ",\"maxConcurrentRequests\":" + concurrent + "}";
    }

    static final String REST = "\"fallbackStrategy\":\"priority\",\"healthCheckInterval\":2000,\"retryAttempts\":0,"
            + "\"circuitBreakerThreshold\":1";

    @Test
    void theSeedsRpcPoolJsonIsReadAsWritten() {
        RpcPoolConfig config = RpcPoolConfig.parse(SEED);

        assertThat(config.endpoints()).containsExactly(
                new RpcPoolConfig.Endpoint(URI.create("https://api.mainnet-beta.solana.com"), 1, Duration.ofSeconds(5), 100),
                new RpcPoolConfig.Endpoint(URI.create("https://solana-api.projectserum.com"), 2, Duration.ofSeconds(5), 80),
                new RpcPoolConfig.Endpoint(URI.create("https://rpc.ankr.com/solana"), 3, Duration.ofSeconds(5), 60));
        assertThat(config.fallbackStrategy()).isEqualTo(RpcPoolConfig.FallbackStrategy.ROUND_ROBIN);
        assertThat(config.healthCheckInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.retryAttempts()).isEqualTo(3);
        assertThat(config.circuitBreakerThreshold()).isEqualTo(5);
    }

    @Test
    void priorityStrategyAndZeroRetriesAreAccepted() {
        RpcPoolConfig config = RpcPoolConfig.parse(pool(endpoint("http://127.0.0.1:8899", 1, 1, 1), REST));

        assertThat(config.fallbackStrategy()).isEqualTo(RpcPoolConfig.FallbackStrategy.PRIORITY);
        assertThat(config.retryAttempts()).isZero();
    }

    @Test
    void emptyOrMissingConfigurationSaysWhatIsExpected() {
        assertThatThrownBy(() -> RpcPoolConfig.parse(" ")).hasMessageContaining("empty")
                .hasMessageContaining("\"endpoints\"");
        assertThatThrownBy(() -> RpcPoolConfig.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedJsonIsReportedAsSuch() {
        assertThatThrownBy(() -> RpcPoolConfig.parse("{\"endpoints\": [}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the RPC pool configuration is not valid rpc-pool.json");
    }

    @Test
    void aMisspeltKeyIsAnErrorNotASilentDefault() {
        String misspelt = pool("{\"url\":\"http://a:1\",\"priority\":1,\"timout\":5000,\"maxConcurrentRequests\":1}", REST);

        assertThatThrownBy(() -> RpcPoolConfig.parse(misspelt))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timout");
    }

    @Test
    void noEndpointsIsRefused() {
        assertThatThrownBy(() -> RpcPoolConfig.parse(pool("", REST)))
                .hasMessageContaining("\"endpoints\" must list at least one endpoint");
        assertThatThrownBy(() -> RpcPoolConfig.parse("{" + REST + "}"))
                .hasMessageContaining("\"endpoints\" must list at least one endpoint");
    }

    @Test
    void badUrlsAreNamedWithTheirPosition() {
        String json = pool(String.join(",",
                endpoint("ftp://node.example", 1, 1, 1),
                endpoint("not a url", 1, 1, 1),
                endpoint("/relative", 1, 1, 1),
                "{\"priority\":1,\"timeout\":1,\"maxConcurrentRequests\":1}"), REST);

        assertThatThrownBy(() -> RpcPoolConfig.parse(json))
                .hasMessageContaining("endpoints[0].url 'ftp://node.example' is not an http:// or https:// URL")
                .hasMessageContaining("endpoints[1].url 'not a url' is not a URL")
                .hasMessageContaining("endpoints[2].url '/relative' is not an http:// or https:// URL")
                .hasMessageContaining("endpoints[3].url is missing");
    }

    @Test
    void theSameNodeListedTwiceIsRefusedEvenWhenSpelledDifferently() {
        String json = pool(String.join(",",
                endpoint("https://api.mainnet-beta.solana.com", 1, 1, 1),
                endpoint("http://127.0.0.1:8899", 2, 1, 1),
                endpoint("HTTPS://API.mainnet-beta.solana.com:443/", 3, 1, 1)), REST);

        assertThatThrownBy(() -> RpcPoolConfig.parse(json))
                .hasMessageContaining("endpoints[2].url HTTPS://API.mainnet-beta.solana.com:443/ is already endpoints[0]");
    }

    @Test
    void nonPositiveNumbersAreRefusedOneByOne() {
        String json = pool(endpoint("http://a:1", 0, -5, 0),
                "\"fallbackStrategy\":\"random\",\"healthCheckInterval\":0,\"retryAttempts\":-1,\"circuitBreakerThreshold\":0");

        assertThatThrownBy(() -> RpcPoolConfig.parse(json))
                .hasMessageContaining("endpoints[0].priority must be positive, got 0")
                .hasMessageContaining("endpoints[0].timeout must be positive, got -5")
                .hasMessageContaining("endpoints[0].maxConcurrentRequests must be positive, got 0")
                .hasMessageContaining("\"fallbackStrategy\" is 'random': use one of [round-robin, priority]")
                .hasMessageContaining("\"healthCheckInterval\" must be positive, got 0")
                .hasMessageContaining("\"retryAttempts\" must be 0 or more, got -1")
                .hasMessageContaining("\"circuitBreakerThreshold\" must be positive, got 0");
    }

    @Test
    void missingFieldsAreNamed() {
        assertThatThrownBy(() -> RpcPoolConfig.parse(pool("{\"url\":\"http://a:1\"}", "")))
                .hasMessageContaining("endpoints[0].priority is missing")
                .hasMessageContaining("endpoints[0].timeout is missing")
                .hasMessageContaining("endpoints[0].maxConcurrentRequests is missing")
                .hasMessageContaining("\"fallbackStrategy\" is missing")
                .hasMessageContaining("\"healthCheckInterval\" is missing")
                .hasMessageContaining("\"retryAttempts\" is missing")
                .hasMessageContaining("\"circuitBreakerThreshold\" is missing");
    }

    @Test
    void moreEndpointsThanLaneClassesIsAStartupError() {
        StringBuilder six = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            six.append(i == 0 ? "" : ",").append(endpoint("http://127.0.0.1:" + (8000 + i), 1, 1, 1));
        }

        assertThatThrownBy(() -> RpcPoolConfig.parse(pool(six.toString(), REST)))
                .hasMessageContaining("lists 6 endpoints but at most 5 are supported")
                .hasMessageContaining("RpcLane5");
        assertThat(RpcLanes.CLASSES).hasSize(RpcLanes.MAX_ENDPOINTS);
    }
}
