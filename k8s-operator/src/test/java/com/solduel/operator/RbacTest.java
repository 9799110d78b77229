package com.solduel.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.solduel.operator.customresource.SolDuel;
import com.solduel.operator.desired.SolDuelObjects;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The operator's ClusterRole grants what it needs for every kind it owns, and nothing with a wildcard. */
class RbacTest {

    private static final List<String> WRITE = List.of("get", "list", "watch", "create", "update", "patch", "delete");

    @Test
    void theOperatorMayManageEveryKindItOwnsAndNothingMore() throws Exception {
        ClusterRole role = Arrays.stream(Files.readString(Path.of("deploy/operator.yaml")).split("\n---\n"))
                .filter(doc -> doc.contains("kind: ClusterRole\n"))
                .map(doc -> Serialization.unmarshal(doc, ClusterRole.class)).findFirst().orElseThrow();
        SolDuel sample = Serialization.unmarshal(Files.readString(Path.of("samples/sol-duel.yaml")), SolDuel.class);
        for (HasMetadata owned : SolDuelObjects.all(sample)) {
            String group = owned.getApiVersion().contains("/") ? owned.getApiVersion().split("/")[0] : "";
            // The model classes know their plural; the other operators' kinds all take an s.
            String plural = owned instanceof GenericKubernetesResource
                    ? owned.getKind().toLowerCase(Locale.ROOT) + "s" : HasMetadata.getPlural(owned.getClass());
            assertThat(role.getRules()).as(group + "/" + plural).anySatisfy((PolicyRule rule) -> {
                assertThat(rule.getApiGroups()).contains(group);
                assertThat(rule.getResources()).contains(plural);
                assertThat(rule.getVerbs()).containsAll(WRITE);
            });
        }
        assertThat(role.getRules()).allSatisfy((PolicyRule rule) -> {
            assertThat(rule.getVerbs()).doesNotContain("*");
            assertThat(rule.getResources()).doesNotContain("*");
            assertThat(rule.getApiGroups()).doesNotContain("*");
        });
        // The SolDuel itself: read, and write only its status.
        assertThat(role.getRules()).anySatisfy(rule -> {
            assertThat(rule.getResources()).containsExactly("solduels");
            assertThat(rule.getVerbs()).containsExactlyInAnyOrder("get", "list", "watch");
        });
        // CRDs: only the four whose presence turns optional objects on, only read.
        assertThat(role.getRules()).filteredOn(rule -> rule.getApiGroups().contains("apiextensions.k8s.io"))
                .singleElement().satisfies(rule -> {
                    assertThat(rule.getVerbs()).containsExactly("get");
                    assertThat(rule.getResourceNames()).hasSize(4);
                });
    }
}
