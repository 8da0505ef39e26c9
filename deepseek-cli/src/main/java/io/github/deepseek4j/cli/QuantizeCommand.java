package io.github.deepseek4j.cli;

import io.github.deepseek4j.quant.PooledRowParallel;
import io.github.deepseek4j.tools.quantize.GgufQuantizer;
import io.github.deepseek4j.tools.quantize.QuantizationMix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code deepseek quantize IN.gguf OUT.gguf TYPE}: requantize a model as llama.cpp's llama-quantize does. */
@Command(name = "quantize", mixinStandardHelpOptions = true,
        description = "Quantize a GGUF model (F32, F16, BF16 or already quantized) as llama.cpp's quantizer does.")
final class QuantizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN.gguf", description = "model to quantize")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT.gguf", description = "GGUF file to write")
    Path out;

    @Parameters(index = "2", paramLabel = "TYPE",
            description = "Q8_0, Q4_0, Q4_1, Q5_0, Q5_1, Q2_K, Q3_K_M, Q4_K_M, Q5_K_M, Q6_K, IQ4_NL or IQ4_XS")
    String type;

    @Option(names = "--threads", paramLabel = "N", description = "quantizing threads (default: all processors)")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        QuantizationMix mix = QuantizationMix.byName(type);
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "quantize " + mix);
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        try (PooledRowParallel parallel = new PooledRowParallel(n)) {
            new GgufQuantizer(mix, parallel).quantize(in, out, (index, count, name) -> bar.update(index, count, name));
        }
        bar.done();
        spec.commandLine().getOut().printf("wrote %s (%s)%n", out, mix);
        return DeepSeekCli.EXIT_OK;
    }
}
