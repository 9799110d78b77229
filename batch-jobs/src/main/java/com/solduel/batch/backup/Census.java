package com.solduel.batch.backup;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a database held at one moment, as restore-verify compares it: the row count of every table
 * of schema public, the ledger's sum (SUM(amount) of ledger_postings, zero in a balanced ledger),
 * how many ledger accounts have postings, and an MD5 over every account's balance. Taken from the
 * source inside the dump's own snapshot, so it is exactly what the dump holds.
 */
public record Census(Map<String, Long> rows, long ledgerSum, long ledgerAccounts, String ledgerBalancesMd5) {

    private static final JsonProvider JSON = JsonProvider.provider();

    /** One row per table of schema public: its name and row count (the same SQL on the source and on a restored copy). */
    public static final String ROWS_SQL = "SELECT table_name, (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I', "
            + "table_schema, table_name), false, true, '')))[1]::text::bigint FROM information_schema.tables "
            + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name";

    /** One row: the ledger's sum, its number of accounts, and an MD5 of every account's balance in account order. */
    public static final String LEDGER_SQL = "SELECT COALESCE(SUM(total), 0), COUNT(*), md5(COALESCE(string_agg(account || '=' || total, ',' "
            + "ORDER BY account), '')) FROM (SELECT account, SUM(amount) AS total FROM ledger_postings GROUP BY account) balances";

    public Census {
        rows = java.util.Collections.unmodifiableMap(new TreeMap<>(rows));
    }

    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Every way a restored copy differs from this census; empty when it is the same. */
    public List<String> differences(Census restored) {
        List<String> differences = new ArrayList<>();
        for (String table : new TreeSet<>(union(rows.keySet(), restored.rows.keySet()))) {
            Long source = rows.get(table);
            Long copy = restored.rows.get(table);
            if (source == null) {
                differences.add("table " + table + " is in the restored copy only");
            } else if (copy == null) {
                differences.add("table " + table + " (" + source + " rows) is missing from the restored copy");
            } else if (!source.equals(copy)) {
                differences.add("table " + table + ": " + source + " rows at the backup, " + copy + " restored");
            }
        }
        if (ledgerSum != restored.ledgerSum) {
            differences.add("ledger sum: " + ledgerSum + " at the backup, " + restored.ledgerSum + " restored");
        }
        if (ledgerAccounts != restored.ledgerAccounts || !ledgerBalancesMd5.equals(restored.ledgerBalancesMd5)) {
            differences.add("ledger balances differ (" + ledgerAccounts + " accounts, md5 " + ledgerBalancesMd5 + " at the backup; "
                    + restored.ledgerAccounts + " accounts, md5 " + restored.ledgerBalancesMd5 + " restored)");
        }
        return differences;
    }

    /** A census from psql's tab-separated answers to {@link #ROWS_SQL} and {@link #LEDGER_SQL}. */
    public static Census parse(List<String> rowLines, String ledgerLine) {
        Map<String, Long> rows = new TreeMap<>();
        for (String line : rowLines) {
            String[] cells = line.split("\t");
            rows.put(cells[0], Long.parseLong(cells[1]));
        }
        String[] ledger = ledgerLine.split("\t");
        return new Census(rows, Long.parseLong(ledger[0]), Long.parseLong(ledger[1]), ledger[2]);
    }

    public String toJson() {
        JsonObjectBuilder tables = JSON.createObjectBuilder();
        rows.forEach(tables::add);
        return JSON.createObjectBuilder().add("rows", tables).add("ledgerSum", ledgerSum).add("ledgerAccounts", ledgerAccounts)
                .add("ledgerBalancesMd5", ledgerBalancesMd5).build().toString();
    }

    public static Census fromJson(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            JsonObject census = reader.readObject();
            Map<String, Long> rows = new TreeMap<>();
            census.getJsonObject("rows").forEach((table, count) -> rows.put(table, Long.parseLong(count.toString())));
            return new Census(rows, census.getJsonNumber("ledgerSum").longValueExact(), census.getJsonNumber("ledgerAccounts").longValueExact(),
                    census.getString("ledgerBalancesMd5"));
        }
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
