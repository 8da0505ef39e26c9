package io.github.deepseek4j.runtime.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StopStringMatcherTest {

    @Test
    void aStopStringSplitAcrossPiecesIsCaughtAndNeverReleased() {
        StopStringMatcher m = new StopStringMatcher(List.of("</end>"));
        StringBuilder out = new StringBuilder();
        for (String piece : List.of("Hello <", "/e", "nd", "> more")) {
            out.append(m.accept(piece));
        }
        assertThat(out.toString()).isEqualTo("Hello ");
        assertThat(m.stopped()).isTrue();
        assertThat(m.accept("later")).isEmpty();
    }

    @Test
    void aPrefixThatTurnsOutNotToMatchIsReleased() {
        StopStringMatcher m = new StopStringMatcher(List.of("STOP"));
        assertThat(m.accept("a ST")).isEqualTo("a ");
        assertThat(m.accept("ART")).isEqualTo("START");
        assertThat(m.accept("ST")).isEmpty();
        assertThat(m.finish()).isEqualTo("ST");
        assertThat(m.stopped()).isFalse();
    }

    @Test
    void theEarliestOfSeveralStopStringsWins() {
        StopStringMatcher m = new StopStringMatcher(List.of("world", "lo w"));
        assertThat(m.accept("hello world")).isEqualTo("hel");
    }

    @Test
    void emptyStopStringsAreRejected() {
        assertThatThrownBy(() -> new StopStringMatcher(List.of(""))).isInstanceOf(IllegalArgumentException.class);
    }
}
