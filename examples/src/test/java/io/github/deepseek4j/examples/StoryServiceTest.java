package io.github.deepseek4j.examples;

import io.github.deepseek4j.GenerationOptions;
import io.github.deepseek4j.GenerationResult;
import io.github.deepseek4j.Model;
import io.github.deepseek4j.demo.DemoModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's example of an application's unit test on the demo model. */
class StoryServiceTest {
    static final String EXPECTED = " thou art a minute, thou art not honest,\nAnd that thy tale is full of my love's";
    static Model model;

    @BeforeAll
    static void load() throws IOException {
        model = DemoModel.load();                      // copied once into the model cache, then mapped
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void continuesAPrompt() {
        GenerationResult r = model.generate("ROMEO:", GenerationOptions.builder().maxTokens(24).build());
        assertThat(r.text()).isEqualTo(EXPECTED);      // greedy: the same text on every run and thread count
    }
}
