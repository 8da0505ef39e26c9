package io.github.deepseek4j.examples;

import io.github.deepseek4j.Model;
import io.github.deepseek4j.Session;
import io.github.deepseek4j.demo.DemoModel;

import java.io.IOException;
import java.nio.file.Path;

/** Loads a model with settings, computes the logits of a few tokens, and loads a model packed in a jar. */
public final class LoadModel {

    private LoadModel() {
    }

    /** @param args the model file */
    public static void main(String[] args) throws IOException {
        Path modelFile = Path.of(args[0]);
        int[] tokenIds = {1, 2, 3};
        try (Model model = Model.builder(modelFile).threads(4).contextLength(8192).build();
             Session session = model.newSession()) {                       // a Model is shared by threads
            float[] logits = session.forward(tokenIds);                     // prefill as one batch; then decode
            System.out.println(model + ": " + logits.length + " logits");
        }
        try (Model fromJar = Model.fromClasspath(DemoModel.RESOURCE).build()) { // a model packed in a jar
            System.out.println(fromJar.architecture());
        }
    }
}
