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

    // WebApplicationException needs a JAX-RS runtime to be built; RestEdgeIT covers the mapping of
    // the runtime's own 404/415 exceptions on the real server.

    @Test
    void aRuntimeFailureOverAHeaderItCouldNotParseIsA400WithoutAnIncident() {
        Throwable failure = runtimeFailure(500, new RuntimeException("MediaType q parameter must be a float: */*;q=abc",
                new NumberFormatException("abc")));
        Problem problem = ProblemMappers.problemFor(failure, "/api/players");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.code()).isEqualTo("malformed-header");
        assertThat(ProblemMappers.problemFor(runtimeFailure(406, null), "/api/players").status()).isEqualTo(406);
        assertThat(ProblemMappers.problemFor(runtimeFailure(500, new IllegalStateException("ours")), "/x").status())
                .isEqualTo(500);
    }

    @Test
    void aRefusedJsonValueWrappedByTheRuntimeKeepsItsField() {
        Problem problem = ProblemMappers.problemFor(runtimeFailure(400, InvalidFieldException.number("bestOf", "bestOf x")), "/api/games");
        assertThat(problem.code()).isEqualTo("invalid-number");
        assertThat(problem.violations()).extracting(Problem.Violation::field).containsExactly("bestOf");
    }

    private static Throwable runtimeFailure(int status, Throwable cause) {
        return new org.jboss.resteasy.spi.Failure(status, cause);
    }
}
