package io.github.deepseek4j.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs every example program, so that the snippets the README takes from them keep working. */
class ExamplesRunTest {

    @Test
    void generateTextPrintsAContinuation() throws Exception {
        assertThat(run(() -> GenerateText.main(new String[] {"ROMEO:"}))).startsWith("ROMEO:").contains("MAX_TOKENS");
    }

    @FunctionalInterface
    interface Program {
        void run() throws Exception;
    }

    /** What a program prints on standard output. */
    static String run(Program program) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            program.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
