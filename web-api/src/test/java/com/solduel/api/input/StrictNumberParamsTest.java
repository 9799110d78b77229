package com.solduel.api.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.solduel.api.problem.InvalidFieldException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictNumberParamsTest {

    private static final Annotation PAGE = new QueryParam() {
        @Override
        public String value() {
            return "page";
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return QueryParam.class;
        }
    };

    private final ParamConverter<Integer> page = new StrictNumberParams().getConverter(int.class, int.class, new Annotation[] {PAGE});

    @Test
    void plainIntegersAreConverted() {
        assertThat(page.fromString("0")).isZero();
        assertThat(page.fromString("-12")).isEqualTo(-12);
        assertThat(page.fromString("2147483647")).isEqualTo(Integer.MAX_VALUE);
        assertThat(new StrictNumberParams().getConverter(String.class, String.class, new Annotation[0])).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", "1e3", "+1", " 1", "2147483648", "4294967299", "0x1", ""})
    void anythingElseIsRefusedNamingTheParameter(String text) {
        assertThatThrownBy(() -> page.fromString(text))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("page");
                    assertThat(e.code()).isEqualTo("invalid-number");
                });
    }
}
