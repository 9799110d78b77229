package com.solduel.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.solduel.player.InvalidWalletAddressException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    @Test
    void domainFailureBecomesA4xxWithItsCode() {
        Problem problem = ProblemMappers.problemFor(new InvalidWalletAddressException("wallet address is missing"), "/api/x");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.code()).isEqualTo("invalid-wallet-address");
        assertThat(problem.type()).endsWith("/invalid-wallet-address");
        assertThat(problem.detail()).isEqualTo("wallet address is missing");
    }

    @Test
    void ejbWrappingIsRemovedBeforeMapping() {
        Throwable wrapped = new EJBException(new InvalidWalletAddressException("x"));
        assertThat(ProblemMappers.problemFor(ProblemMappers.unwrap(wrapped), "/api/x").status()).isEqualTo(400);
    }

    @Test
    void malformedJsonIsABadRequestNotAServerError() {
        assertThat(ProblemMappers.problemFor(new JsonbException("Unexpected char"), "/api/x").status()).isEqualTo(400);
    }

    @Test
    void ourOwnFaultIsA500WithAnIncidentIdAndNoInternals() {
        Problem problem = ProblemMappers.problemFor(new NullPointerException("secret internal detail"), "/api/x");
        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.detail()).contains("incident").doesNotContain("secret internal detail");
    }

    @Test
    void serializesAsRfc9457Json() throws Exception {
        try (var jsonb = JsonbBuilder.create()) {
            String json = jsonb.toJson(Problem.of(jakarta.ws.rs.core.Response.Status.NOT_FOUND, "player-not-found",
                    "no player", "/api/players/x"));
            assertThat(json).startsWith("{\"type\":\"https://solduel.dev/problems/player-not-found\",\"title\":\"Not Found\",\"status\":404");
            assertThat(json).doesNotContain("violations");
        }
    }
}
