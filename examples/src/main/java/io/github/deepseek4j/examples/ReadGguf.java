package io.github.deepseek4j.examples;

import io.github.deepseek4j.gguf.GgufFile;
import io.github.deepseek4j.tensor.Tensor;

import java.io.IOException;
import java.nio.file.Path;

/** Reads a GGUF file's metadata and one tensor, without loading a model. */
public final class ReadGguf {

    private ReadGguf() {
    }

    /** @param args the model file */
    public static void main(String[] args) throws IOException {
        Path modelFile = Path.of(args[0]);
        try (GgufFile gguf = GgufFile.open(modelFile)) {                    // maps the file once
            String arch = gguf.metadata().getString("general.architecture");
            Tensor embeddings = gguf.tensor("token_embd.weight");          // a MemorySegment slice
            System.out.println(arch + " " + embeddings);
        }
    }
}
