package io.github.deepseek4j.internal.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {

    @Test
    void parsesEveryKindOfValue() {
        Object v = Json.parse(" {\"a\": [1, -2.5, 1e400, true, false, null], \"b\": \"x\\u00e9\\n\", \"c\": {}} ");
        assertThat(v).isEqualTo(map("a", java.util.Arrays.asList(1L, -2.5, Double.POSITIVE_INFINITY, true, false, null),
                "b", "xé\n", "c", Map.of()));
    }

    @Test
    void writesWhatItParses() {
        String text = "{\"name\":\"q\\\"uote\",\"ids\":[1,2,3],\"nested\":{\"ok\":true,\"none\":null}}";
        assertThat(Json.write(Json.parse(text))).isEqualTo(text);
    }

    @Test
    void writesNonFiniteNumbersAsNull() {
        assertThat(Json.write(List.of(Double.NaN, Float.POSITIVE_INFINITY, 0.5))).isEqualTo("[null,null,0.5]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[1,]", "{\"a\" 1}", "\"\\x\"", "tru", "[1] 2", "\"a\nb\""})
    void rejectsMalformedText(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(Json.JsonException.class).hasMessageContaining("at character");
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
