package io.github.deepseek4j.examples;

import io.github.deepseek4j.Model;
import io.github.deepseek4j.demo.DemoModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The tool-calling example the README quotes runs on the demo model, which calls no tool and answers in text. */
class CallToolsTest {

    @Test
    void answersInTextOnTheDemoModel() throws Exception {
        String file;
        try (Model model = DemoModel.load()) {
            file = model.path().toString();
        }
        assertThat(ExamplesRunTest.run(() -> CallTools.main(new String[] {file}))).isNotBlank();
    }
}
