package io.github.deepseek4j.examples;

import io.github.deepseek4j.GenerationOptions;
import io.github.deepseek4j.GenerationResult;
import io.github.deepseek4j.Model;
import io.github.deepseek4j.demo.DemoModel;

import java.io.IOException;

/** Continues a prompt with the bundled demo model: the smallest complete use of the library. */
public final class GenerateText {

    private GenerateText() {
    }

    public static void main(String[] args) throws IOException {
        String prompt = args.length > 0 ? args[0] : "ROMEO:";
        try (Model model = DemoModel.load()) {
            GenerationResult r = model.generate(prompt, GenerationOptions.builder().maxTokens(32).build());
            System.out.println(prompt + r.text());
            System.out.println("[" + r.stopReason() + ", " + r.tokens().length + " tokens]");
        }
    }
}
