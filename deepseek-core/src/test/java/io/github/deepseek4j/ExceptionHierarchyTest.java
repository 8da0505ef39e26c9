package io.github.deepseek4j;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** One unchecked root for what the API refuses; file errors stay IOExceptions. */
class ExceptionHierarchyTest {

    @Test
    void uncheckedApiExceptionsShareOneRoot() {
        assertThat(DeepSeekException.class).isAssignableFrom(UnsupportedModelException.class)
                .isAssignableFrom(ContextOverflowException.class).isAssignableFrom(ChatTemplateException.class);
        assertThat(RuntimeException.class).isAssignableFrom(DeepSeekException.class);
    }

    @Test
    void malformedFilesAreIoExceptions() {
        assertThat(IOException.class).isAssignableFrom(ModelFormatException.class);
    }
}
