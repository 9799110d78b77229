package com.solduel.ws.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One client's log lines are bounded per minute, with one line saying the rest is suppressed. */
class LogBudgetTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void pastTheBudgetOneSuppressedLineThenSilenceUntilTheMinuteEnds() {
        LogBudget budget = new LogBudget(3, 0);
        assertThat(budget.charge(0)).isEqualTo(LogBudget.Verdict.LOG);
        assertThat(budget.charge(1)).isEqualTo(LogBudget.Verdict.LOG);
        assertThat(budget.charge(2)).isEqualTo(LogBudget.Verdict.LOG);
        assertThat(budget.charge(3)).isEqualTo(LogBudget.Verdict.SUPPRESS_FROM_NOW);
        for (int i = 0; i < 1000; i++) {
            assertThat(budget.charge(4 + i)).isEqualTo(LogBudget.Verdict.SILENT);
        }
        assertThat(budget.charge(60 * SECOND)).isEqualTo(LogBudget.Verdict.LOG);
    }
}
