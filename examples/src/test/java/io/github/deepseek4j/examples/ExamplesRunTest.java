package io.github.deepseek4j.examples;

import io.github.deepseek4j.Model;
import io.github.deepseek4j.demo.DemoModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs every example program, so that the snippets the README takes from them keep working. */
class ExamplesRunTest {

    /** The demo model's file in the model cache: the programs that take a model file run on it. */
    private static String demoModelFile;

    @BeforeAll
    static void findTheDemoModel() throws Exception {
        try (Model model = DemoModel.load()) {
            demoModelFile = model.path().toString();
        }
    }

    @Test
    void generateTextPrintsAContinuation() throws Exception {
        assertThat(run(() -> GenerateText.main(new String[] {"ROMEO:"}))).startsWith("ROMEO:").contains("MAX_TOKENS");
    }

    @Test
    void loadModelComputesLogitsAndLoadsFromTheClasspath() throws Exception {
        assertThat(run(() -> LoadModel.main(new String[] {demoModelFile}))).contains("2048 logits", "deepseek2");
    }

    @Test
    void readGgufPrintsTheArchitectureAndATensor() throws Exception {
        assertThat(run(() -> ReadGguf.main(new String[] {demoModelFile}))).startsWith("deepseek2 ")
                .contains("token_embd.weight");
    }

    @Test
    void generateAndChatEndsWithTheStreamedChatTurn() throws Exception {
        assertThat(run(() -> GenerateAndChat.main(new String[] {demoModelFile}))).contains(" tok/s]")
                .containsPattern("\\[\\d+ tokens]\\s*$");
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
