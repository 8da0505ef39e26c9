package io.github.deepseek4j.tokenizer.chat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The date that {@code strftime_now} reported when the scripts in {@code src/test/resources/chat} generated the expected outputs. */
public final class GeneratorClock {

    public static final Clock FIXED = Clock.fixed(
            LocalDate.of(2024, 7, 26).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);

    private GeneratorClock() {
    }
}
