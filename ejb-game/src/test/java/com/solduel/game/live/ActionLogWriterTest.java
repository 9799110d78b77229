package com.solduel.game.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures of a batch's INSERT are tried once more on another connection. */
class ActionLogWriterTest {

    @Test
    void aConnectionTheDatabaseClosedIsTriedAgainButARefusedRowIsNot() {
        assertThat(ActionLogWriter.brokenConnection(new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
        assertThat(ActionLogWriter.brokenConnection(new SQLException("An I/O error occurred while sending to the backend.", "08006")))
                .isTrue();
        assertThat(ActionLogWriter.brokenConnection(new SQLException("wrapped", "S1000",
                new SQLException("connection refused", "08001")))).as("a cause is looked at too").isTrue();

        assertThat(ActionLogWriter.brokenConnection(new SQLException("duplicate key value violates unique constraint", "23505")))
                .as("a row already there").isFalse();
        assertThat(ActionLogWriter.brokenConnection(new SQLException("stale owner epoch", "P0001")))
                .as("the fencing trigger's refusal").isFalse();
        assertThat(ActionLogWriter.brokenConnection(new SQLException("no state"))).isFalse();
    }
}
