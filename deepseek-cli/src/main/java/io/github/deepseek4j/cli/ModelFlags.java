package io.github.deepseek4j.cli;

import io.github.deepseek4j.Model;
import io.github.deepseek4j.demo.DemoModel;
import io.github.deepseek4j.quant.KernelBackends;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** The flags that choose and load a model for generation, shared by {@code generate} and {@code chat}. */
final class ModelFlags {

    @Option(names = "--model", paramLabel = "FILE",
            description = "GGUF model file or archive (default: the bundled demo model, tiny Shakespeare).")
    Path model;

    @Option(names = "--threads", paramLabel = "N", description = "Compute threads (default: all processors).")
    Integer threads;

    @Option(names = "--context", paramLabel = "N",
            description = "Context length in tokens (default: the trained length, at most 4096).")
    Integer context;

    @Option(names = "--backend", paramLabel = "NAME", description = "Kernels: preferred, blas, native, vector or "
            + "scalar (default: -Ddeepseek4j.backend, else preferred).")
    String backend;

    /** Loads the model, showing progress on {@code err} when it is a terminal; it must have a tokenizer. */
    Model load(PrintWriter err) throws IOException {
        ProgressBar bar = new ProgressBar(err, "loading");
        bar.update(0, 1, model != null ? model.getFileName().toString() : "demo model");
        Model.Builder builder = model != null ? Model.builder(model) : DemoModel.builder();
        if (threads != null) {
            builder.threads(threads);
        }
        if (context != null) {
            builder.contextLength(context);
        }
        if (backend != null) {
            builder.backend(KernelBackends.named(backend));
        }
        Model loaded = builder.build();
        bar.done();
        if (!loaded.hasTokenizer()) {
            loaded.close();
            throw new IOException(loaded.path() + ": the file has no usable tokenizer, so it cannot generate text");
        }
        return loaded;
    }
}
