package com.solduel.solana.rpc;

import static com.solduel.solana.rpc.RpcPoolConfig.FallbackStrategy.PRIORITY;
import static com.solduel.solana.rpc.RpcPoolConfig.FallbackStrategy.ROUND_ROBIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.solduel.solana.rpc.EndpointSelection.Candidate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointSelectionTest {

    private static List<Integer> order(List<Candidate> usable, RpcPoolConfig.FallbackStrategy strategy, long turn) {
        return EndpointSelection.order(usable, strategy, turn).stream().map(Candidate::index).toList();
    }

    @Test
    void roundRobinStartsSuccessiveCallsAtSuccessiveEndpoints() {
        List<Candidate> idle = List.of(new Candidate(0, 1, 0), new Candidate(1, 2, 0), new Candidate(2, 3, 0));

        assertThat(order(idle, ROUND_ROBIN, 0)).containsExactly(0, 1, 2);
        assertThat(order(idle, ROUND_ROBIN, 1)).containsExactly(1, 0, 2);
        assertThat(order(idle, ROUND_ROBIN, 2)).containsExactly(2, 0, 1);
        assertThat(order(idle, ROUND_ROBIN, 3)).containsExactly(0, 1, 2);
    }

    @Test
    void roundRobinFailsOverByPriorityThenByLeastActiveRequests() {
        List<Candidate> busy = List.of(new Candidate(0, 1, 9), new Candidate(1, 2, 4), new Candidate(2, 2, 1),
                new Candidate(3, 1, 3));

        assertThat(order(busy, ROUND_ROBIN, 2)).containsExactly(2, 3, 0, 1);
    }

    @Test
    void roundRobinRotatesOverTheUsableEndpointsOnly() {
        List<Candidate> withoutTheSecond = List.of(new Candidate(0, 1, 0), new Candidate(2, 3, 0));

        assertThat(order(withoutTheSecond, ROUND_ROBIN, 0)).containsExactly(0, 2);
        assertThat(order(withoutTheSecond, ROUND_ROBIN, 1)).containsExactly(2, 0);
        assertThat(order(withoutTheSecond, ROUND_ROBIN, Long.MAX_VALUE)).hasSize(2);
    }

    @Test
    void priorityPrefersTheBestPriorityAndAmongEqualsTheLeastBusy() {
        List<Candidate> candidates = List.of(new Candidate(0, 2, 0), new Candidate(1, 1, 5), new Candidate(2, 1, 2),
                new Candidate(3, 3, 0));

        assertThat(order(candidates, PRIORITY, 0)).containsExactly(2, 1, 0, 3);
        assertThat(order(candidates, PRIORITY, 1)).as("the turn does not matter").containsExactly(2, 1, 0, 3);
    }

    @Test
    void equalPriorityAndLoadKeepTheConfiguredOrder() {
        List<Candidate> tie = List.of(new Candidate(2, 1, 0), new Candidate(0, 1, 0), new Candidate(1, 1, 0));

        assertThat(order(tie, PRIORITY, 7)).containsExactly(0, 1, 2);
    }

    @Test
    void noUsableEndpointGivesAnEmptyOrder() {
        assertThat(order(List.of(), ROUND_ROBIN, 3)).isEmpty();
        assertThat(order(List.of(), PRIORITY, 3)).isEmpty();
    }
}
