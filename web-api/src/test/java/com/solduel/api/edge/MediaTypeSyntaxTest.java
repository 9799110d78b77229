package com.solduel.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaTypeSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/json", "application/json, text/plain;q=0.5, */*;q=0.1",
            "text/html;level=1;q=1.000", "application/json;;", "application/problem+json; charset=\"utf-8\"", "", "  "})
    void wellFormedAcceptHeaders(String accept) {
        assertThat(MediaTypeSyntax.isAccept(accept)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*;q=abc", "garbage;;", "garbage", "*/*;q=2", "*/*;q=0.1234", "application/json;;=",
            "application/json,", "a/b;c", "a/b c", "/json", "application/"})
    void malformedAcceptHeaders(String accept) {
        assertThat(MediaTypeSyntax.isAccept(accept)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=UTF-8", "*/*", "text/plain"})
    void wellFormedContentTypes(String type) {
        assertThat(MediaTypeSyntax.isContentType(type)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {";;;/", "", "application", "application/json;charset", "a/b;=x", "a/b,c/d", "application/json; q=abc"})
    void malformedContentTypes(String type) {
        assertThat(MediaTypeSyntax.isContentType(type)).isFalse();
    }
}
