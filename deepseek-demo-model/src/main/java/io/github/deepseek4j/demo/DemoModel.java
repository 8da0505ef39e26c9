package io.github.deepseek4j.demo;

import io.github.deepseek4j.Model;

import java.io.IOException;

/**
 * The bundled demo model: a 4.8 M-parameter model in the DeepSeek-V3 architecture (multi-head latent
 * attention, a dense first layer, then sigmoid-routed experts with a shared expert) trained by
 * {@code tools/demo-model/train.py} on tiny Shakespeare, with its own 2,048-token BPE vocabulary and
 * chat template, stored as an F16 GGUF (about 10 MB) inside this jar.
 *
 * <p>It writes Shakespeare-like lines, not answers: it is for trying the library without a download and
 * for unit tests that need a real model. Greedy generation (the default options) gives the same text on
 * every run and thread count. Its weights are F16, not a quantized type, so that kernels which quantize
 * activations (as llama.cpp's do) never apply to it: other kernel backends agree to float rounding.
 *
 * <pre>{@code
 * try (Model model = DemoModel.load()) {
 *     String text = model.generate("ROMEO:").text();
 * }
 * }</pre>
 */
public final class DemoModel {

    /** The model's classpath resource, copied once into the model cache when loaded. */
    public static final String RESOURCE = "io/github/deepseek4j/demo/deepseek-v3-demo-shakespeare-f16.gguf";

    private DemoModel() {
    }

    /** Loads the demo model with the builder's defaults (all processors, its trained context). */
    public static Model load() throws IOException {
        return builder().build();
    }

    /** A builder for the demo model, to set threads, context, cache or kernels before loading. */
    public static Model.Builder builder() {
        return Model.fromClasspath(RESOURCE, DemoModel.class.getClassLoader());
    }
}
