package com.solduel.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed plain manifests (manifests/) and the CRD copy (deploy/) are exactly what the
 * templates render from samples/sol-duel.yaml. To refresh them after changing a template or the sample:
 * {@code mvn -q -pl k8s-operator -am verify -DskipITs -Dtest=ManifestsTest -Dsurefire.failIfNoSpecifiedTests=false -Dmanifests.write}
 */
class ManifestsTest {

    private static final Path MODULE = Path.of(".");

    @Test
    void committedManifestsAreWhatTheTemplatesRender() throws Exception {
        if (System.getProperty("manifests.write") != null) {
            ManifestWriter.main(new String[] {MODULE.toString()});
        }
        Map<String, String> rendered = ManifestWriter.render(MODULE);
        for (Map.Entry<String, String> file : rendered.entrySet()) {
            Path committed = MODULE.resolve(file.getKey());
            assertThat(committed).as(file.getKey() + " is missing: run ManifestsTest with -Dmanifests.write").exists();
            assertThat(Files.readString(committed)).as(file.getKey()
                    + " differs from what the templates render: run ManifestsTest with -Dmanifests.write").isEqualTo(file.getValue());
        }
        try (Stream<Path> files = Files.list(MODULE.resolve("manifests"))) {
            assertThat(new TreeSet<>(files.map(p -> "manifests/" + p.getFileName()).toList()))
                    .as("manifests/ holds only rendered files")
                    .isEqualTo(new TreeSet<>(rendered.keySet().stream().filter(k -> k.startsWith("manifests/")).toList()));
        }
    }

    @Test
    void theRenderedDeploymentsUseTheAppsRealProbesPortAndConfigurationNames() throws Exception {
        String engine = Files.readString(MODULE.resolve("manifests/deployment-game-engine.yaml"));
        assertThat(engine).contains("path: \"/health/live\"").contains("path: \"/health/ready\"")
                .contains("path: \"/health/started\"").contains("containerPort: 9080")
                .contains("value: \"engine\"").contains("name: \"SOLDUEL_NODE_ROLES\"");
        String config = Files.readString(MODULE.resolve("manifests/configmap-sol-duel-config.yaml"));
        // Each key is a MicroProfile Config name of the app (ejb-game's microprofile-config.properties)
        // or a server.xml variable, in its environment-variable form.
        String properties = Files.readString(Path.of("../ejb-game/src/main/resources/META-INF/microprofile-config.properties"))
                + Files.readString(Path.of("../liberty-config/src/main/liberty/config/server.xml"));
        for (String line : config.split("\n")) {
            if (line.startsWith("  ") && line.contains(": ") && line.trim().matches("^[A-Z_]+: .*")) {
                String env = line.trim().substring(0, line.trim().indexOf(':'));
                String property = env.toLowerCase().replace('_', '.');
                boolean known = properties.contains("\"" + env + "\"") || properties.contains(env + "}")
                        || properties.replace('-', '.').replace('_', '.').contains(property)
                        || env.equals("MP_CONFIG_PROFILE");
                assertThat(known).as(env + " is not a configuration name the app reads").isTrue();
            }
        }
    }
}
