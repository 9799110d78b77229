package com.solduel.batch.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What restore-verify calls a faithful restore: the census recorded with the backup, compared with the copy's. */
class CensusTest {

    private static final Census SOURCE = new Census(Map.of("games", 100_000L, "players", 10_000L, "ledger_postings", 110_000L),
            0, 30_002, "6f1ed002ab5595859014ebf0951522d9");

    @Test
    void aCopyWithTheSameCountsAndLedgerIsEqual() {
        Census copy = Census.parse(List.of("games\t100000", "ledger_postings\t110000", "players\t10000"),
                "0\t30002\t6f1ed002ab5595859014ebf0951522d9");
        assertThat(SOURCE.differences(copy)).isEmpty();
        assertThat(copy.totalRows()).isEqualTo(220_000);
    }

    @Test
    void everyDifferenceIsNamed() {
        Census copy = new Census(Map.of("games", 99_999L, "ledger_postings", 110_000L, "extra", 1L), -5, 30_001, "00");
        assertThat(SOURCE.differences(copy)).containsExactly(
                "table extra is in the restored copy only",
                "table games: 100000 rows at the backup, 99999 restored",
                "table players (10000 rows) is missing from the restored copy",
                "ledger sum: 0 at the backup, -5 restored",
                "ledger balances differ (30002 accounts, md5 6f1ed002ab5595859014ebf0951522d9 at the backup; 30001 accounts, md5 00 restored)");
    }

    @Test
    void theRecordedJsonReadsBackTheSame() {
        String json = SOURCE.toJson();
        assertThat(json).contains("\"rows\":{\"games\":100000,\"ledger_postings\":110000,\"players\":10000}").contains("\"ledgerSum\":0");
        assertThat(Census.fromJson(json)).isEqualTo(SOURCE);
    }
}
