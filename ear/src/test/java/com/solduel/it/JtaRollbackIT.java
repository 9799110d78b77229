package com.solduel.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * A JTA transaction through the server's XA datasource is all or nothing: two tables written,
 * then a failure, leaves neither row (and the same call without the failure commits both).
 */
class JtaRollbackIT {

    @Test
    void failureAfterWritingTwoTablesLeavesNeitherRow() throws SQLException {
        String wallet = PlayerApiIT.randomWallet();
        var response = TestEnvironment.post("/jta-probe/two-tables?fail=true&wallet=" + wallet
                + "&tournament=rollback-" + wallet, "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);

        assertThat(SchemaIT.strings("SELECT id FROM players WHERE wallet_address = '" + wallet + "'")).isEmpty();
        assertThat(SchemaIT.strings("SELECT id FROM tournaments WHERE name = 'rollback-" + wallet + "'")).isEmpty();
    }

    @Test
    void withoutTheFailureBothRowsCommit() throws SQLException {
        String wallet = PlayerApiIT.randomWallet();
        var response = TestEnvironment.post("/jta-probe/two-tables?fail=false&wallet=" + wallet
                + "&tournament=commit-" + wallet, "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        assertThat(SchemaIT.strings("SELECT id FROM players WHERE wallet_address = '" + wallet + "'")).hasSize(1);
        assertThat(SchemaIT.strings("SELECT id FROM tournaments WHERE name = 'commit-" + wallet + "'")).hasSize(1);
    }
}
