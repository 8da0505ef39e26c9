package io.github.deepseek4j.cli;

import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.tools.ModelShape;
import io.github.deepseek4j.tools.synth.SyntheticModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code deepseek synth}: a random-weight GGUF with a real model's names, shapes and metadata. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Write a random-weight GGUF with the exact tensor names, shapes and metadata of a real model.")
final class SynthCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--shape", required = true, paramLabel = "NAME",
            description = "qwen2-1.5b, llama-8b, deepseek-v2-lite or deepseek-v3")
    String shape;

    @Option(names = "--type", defaultValue = "F16", paramLabel = "TYPE", description = "weight type (default: ${DEFAULT-VALUE})")
    String type;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "output GGUF file")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--layers", paramLabel = "N", description = "keep only the first N layers (default: all)")
    Integer layers;

    @Override
    public Integer call() throws Exception {
        ModelShape s = ModelShape.byName(shape);
        if (layers != null) {
            s = s.withLayers(layers);
        }
        SyntheticModel model = new SyntheticModel(s, GgmlType.byName(type), seed);
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar bar = new ProgressBar(err, "synth " + s.name());
        model.write(out, (index, count, name) -> bar.update(index, count, name));
        bar.done();
        spec.commandLine().getOut().printf("wrote %s (%s, %d layers, %s)%n", out, s.name(), s.layers(), type);
        return DeepSeekCli.EXIT_OK;
    }
}
