package io.github.deepseek4j.internal.json;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Issue 18, item 5: numbers of a million digits fail fast with a typed error naming the position. */
class JsonLimitsTest {

    @Test
    void aMillionDigitNumberFailsFast() {
        String digits = "7".repeat(1_000_000);
        String vocab = "{\"vocab\": {\"a\": ";
        Map<String, Integer> numberStarts = Map.of(digits, 0, vocab + digits + "}}", vocab.length(),
                "[1, -" + digits + "]", 4, "0." + digits, 0, "1e" + digits, 0);
        numberStarts.forEach((json, start) -> assertTimeoutPreemptively(Duration.ofSeconds(2), () ->
                assertThatThrownBy(() -> Json.parse(json)).isInstanceOf(Json.JsonException.class)
                        .hasMessage("number longer than 1000 characters at character " + start)));
    }

    @Test
    void numbersUpToTheLimitStillParse() {
        assertThat(Json.parse("9".repeat(1000))).isEqualTo(Double.parseDouble("9".repeat(1000)));
        assertThat(Json.parse("[" + "0".repeat(999) + "1]")).isEqualTo(List.of(1L));
        assertThat(Json.parse("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(Json.parse("1.5e3")).isEqualTo(1500.0);
    }
}
