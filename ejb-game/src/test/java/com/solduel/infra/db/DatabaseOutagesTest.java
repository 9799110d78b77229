package com.solduel.infra.db;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutagesTest {

    @Test
    void anUnreachableDatabaseIsAnOutageWhateverWrapsIt() {
        assertThat(DatabaseOutages.isOutage(new PersistenceException("x",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(DatabaseOutages.isOutage(new RuntimeException(new SQLException(
                "FATAL: terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(DatabaseOutages.isOutage(new SQLException(
                "FATAL: database \"sol_duel\" is not currently accepting connections", "55000"))).isTrue();
        assertThat(DatabaseOutages.isOutage(new SQLTransientConnectionException("pool timeout"))).isTrue();
        assertThat(DatabaseOutages.isOutage(new PersistenceException("Unable to acquire JDBC Connection"))).isTrue();
    }

    @Test
    void aFailingStatementIsNotAnOutage() {
        assertThat(DatabaseOutages.isOutage(new PersistenceException(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseOutages.isOutage(new SQLException("object not in prerequisite state", "55000"))).isFalse();
        assertThat(DatabaseOutages.isOutage(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void theCallerIsToldToRetryLaterWithoutInternals() {
        DatabaseUnavailableException answer = DatabaseOutages.unavailable(new SQLException("secret host 10.0.0.5", "08001"));
        assertThat(answer.code()).isEqualTo("database-unavailable");
        assertThat(answer.retryAfterSeconds()).hasValue(5);
        assertThat(answer.getMessage()).doesNotContain("10.0.0.5");
    }
}
