package com.solduel.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UriEscapesTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/players", "/api/players/caf%C3%A9", "page=1&order=elo", "x=%F0%9F%8E%B2", "a%2Fb", ""})
    void wellFormedEscapesOfUtf8Pass(String raw) {
        assertThat(UriEscapes.isWellFormed(raw)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=%", "a%b", "%zz", "/api/players/%C3%28", "/api/games/%FF", "/x/%E2%82", "/x/%ED%A0%80", "/x/1%"})
    void bareOrBrokenEscapesAndInvalidUtf8AreRefused(String raw) {
        assertThat(UriEscapes.isWellFormed(raw)).isFalse();
    }
}
