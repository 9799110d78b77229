package com.solduel.ops;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md's table of what differs between the environments is the application's own
 * defaults ({@code META-INF/microprofile-config.properties}): every key with a {@code %staging.} or
 * {@code %production.} value, with its value in each profile. On a mismatch the test prints the
 * table to paste.
 */
class ProfileSettingsDocTest {

    private static final Path PROPERTIES = Path.of("src/main/resources/META-INF/microprofile-config.properties");
    private static final Path DOC = Path.of("../docs/operations.md");
    private static final String BEGIN = "<!-- profile-settings:begin (generated: ProfileSettingsDocTest) -->\n";
    private static final String END = "<!-- profile-settings:end -->";
    private static final String[] PROFILES = {"staging", "production"};

    @Test
    void theDocumentedTableIsTheConfiguration() throws IOException {
        String expected = table(load());
        String doc = Files.readString(DOC);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("docs/operations.md has the markers %s and %s", BEGIN.strip(), END).isNotNegative();
        assertThat(doc.substring(begin + BEGIN.length(), end))
                .as("docs/operations.md's profile table; the table to paste between the markers is:%n%s", expected)
                .isEqualTo(expected);
    }

    private static Properties load() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(PROPERTIES)) {
            properties.load(reader);
        }
        return properties;
    }

    static String table(Properties properties) {
        TreeSet<String> keys = properties.stringPropertyNames().stream()
                .filter(key -> key.startsWith("%"))
                .map(key -> key.substring(key.indexOf('.') + 1))
                .collect(Collectors.toCollection(TreeSet::new));
        StringBuilder table = new StringBuilder("| key | local | staging | production |\n|---|---|---|---|\n");
        for (String key : keys) {
            String local = properties.getProperty(key, "(none)");
            table.append("| `").append(key).append("` | ").append(shown(key, local));
            for (String profile : PROFILES) {
                table.append(" | ").append(shown(key, properties.getProperty("%" + profile + "." + key, local)));
            }
            table.append(" |\n");
        }
        return table.toString();
    }

    /** A value as the table shows it: the RPC pool as its endpoint URLs, anything else as it is. */
    private static String shown(String key, String value) {
        if (key.equals("solduel.solana.rpc-pool")) {
            JsonObject pool = Json.createReader(new StringReader(value)).readObject();
            return pool.getJsonArray("endpoints").stream().map(JsonValue::asJsonObject)
                    .map(endpoint -> "`" + endpoint.getString("url") + "`").collect(Collectors.joining(", "));
        }
        return Stream.of(value.split(",")).map(part -> "`" + part.strip() + "`").collect(Collectors.joining(", "));
    }
}
