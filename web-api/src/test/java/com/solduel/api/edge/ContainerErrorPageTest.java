package com.solduel.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.solduel.api.problem.StatusProblems;
import org.junit.jupiter.api.Test;

class ContainerErrorPageTest {

    @Test
    void theInstanceIsPrintableAndBounded() {
        assertThat(ContainerErrorPage.safeInstance("/api/players/a\u0000b\tc")).isEqualTo("/api/players/a?b?c");
        assertThat(ContainerErrorPage.safeInstance("/" + "a".repeat(70_000))).hasSize(200);
        assertThat(ContainerErrorPage.safeInstance(null)).isNull();
    }

    @Test
    void aBareStatusGetsAStableCodeAndAFixedDetail() {
        assertThat(StatusProblems.codeFor(404)).isEqualTo("not-found");
        assertThat(StatusProblems.codeFor(415)).isEqualTo("unsupported-media-type");
        assertThat(StatusProblems.codeFor(429)).isEqualTo("too-many-requests");
        assertThat(StatusProblems.codeFor(431)).isEqualTo("request-header-fields-too-large");
        assertThat(StatusProblems.codeFor(500)).isEqualTo("internal-error");
        assertThat(StatusProblems.detailFor(415)).doesNotContain("com.").doesNotContain("java");
    }
}
