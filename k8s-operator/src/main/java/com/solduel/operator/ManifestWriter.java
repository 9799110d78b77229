package com.solduel.operator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.solduel.operator.customresource.SolDuel;
import com.solduel.operator.desired.SolDuelObjects;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the plain kustomize manifests (for clusters without the operator) from the same templates
 * the operator applies, and the generated CRD next to the operator's own manifests:
 * {@code java -cp ... com.solduel.operator.ManifestWriter <module dir>} (see README.md).
 * {@code ManifestsTest} fails when the committed files are not what this writes.
 */
public final class ManifestWriter {

    static final String SAMPLE = "samples/sol-duel.yaml";
    static final String CRD = "solduels.solduel.com-v1.yml";
    private static final String HEADER = "# GENERATED from k8s-operator/" + SAMPLE
            + " by ManifestWriter (k8s-operator/README.md): edit the templates or the sample, never this file.\n";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            // Every string quoted: Kubernetes reads YAML 1.1, where an unquoted 02:00 is the number 120.
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    private ManifestWriter() {
    }

    /** File name (relative to the module) → content, for everything this writes. */
    public static Map<String, String> render(Path moduleDir) throws IOException {
        SolDuel sample = Serialization.unmarshal(Files.readString(moduleDir.resolve(SAMPLE)), SolDuel.class);
        Map<String, String> files = new TreeMap<>();
        List<String> resources = new ArrayList<>();
        for (HasMetadata object : SolDuelObjects.all(sample)) {
            String name = object.getKind().toLowerCase(Locale.ROOT) + "-" + object.getMetadata().getName() + ".yaml";
            resources.add(name);
            files.put("manifests/" + name, HEADER + yaml(object));
        }
        StringBuilder kustomization = new StringBuilder(HEADER)
                .append("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: ")
                .append(sample.getMetadata().getNamespace()).append("\nresources:\n");
        resources.forEach(r -> kustomization.append("  - ").append(r).append('\n'));
        files.put("manifests/kustomization.yaml", kustomization.toString());
        try (InputStream crd = ManifestWriter.class.getResourceAsStream("/META-INF/fabric8/" + CRD)) {
            if (crd == null) {
                throw new IllegalStateException(CRD + " is not on the class path: run the build (crd-generator-maven-plugin)");
            }
            files.put("deploy/" + CRD, new String(crd.readAllBytes(), StandardCharsets.UTF_8));
        }
        return files;
    }

    /** An object as YAML with every map's keys sorted, so the output never depends on map order. */
    static String yaml(Object object) throws IOException {
        Object tree = sorted(Serialization.jsonMapper().convertValue(object, Object.class));
        return YAML.writeValueAsString(tree);
    }

    @SuppressWarnings("unchecked")
    private static Object sorted(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new TreeMap<>();
            map.forEach((k, v) -> out.put((String) k, sorted(v)));
            return out;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(ManifestWriter::sorted).toList();
        }
        return node;
    }

    public static void main(String[] args) throws IOException {
        Path moduleDir = Path.of(args.length > 0 ? args[0] : ".");
        Path manifests = moduleDir.resolve("manifests");
        if (Files.isDirectory(manifests)) {
            try (var old = Files.list(manifests)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, String> file : render(moduleDir).entrySet()) {
            Path target = moduleDir.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
            System.out.println("wrote " + target);
        }
    }
}
