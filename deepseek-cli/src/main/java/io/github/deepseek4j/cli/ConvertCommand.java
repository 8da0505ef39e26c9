package io.github.deepseek4j.cli;

import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.tools.convert.HfConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code deepseek convert HF_DIR OUT.gguf}: a Hugging Face checkpoint to GGUF. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a Hugging Face checkpoint (DeepseekV3/V2, Qwen2, Llama; safetensors) to GGUF.")
final class ConvertCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HF_DIR", description = "directory with config.json, *.safetensors, tokenizer.json")
    Path source;

    @Parameters(index = "1", paramLabel = "OUT.gguf", description = "GGUF file to write")
    Path out;

    @Option(names = "--type", defaultValue = "F16", paramLabel = "TYPE",
            description = "weight type of matrices: F32, F16, BF16, Q8_0, Q4_0, Q4_1, Q5_0, Q5_1, Q2_K, Q3_K, Q4_K,"
                    + " Q5_K, Q6_K, IQ4_NL or IQ4_XS (default: ${DEFAULT-VALUE})")
    String type;

    @Override
    public Integer call() throws Exception {
        HfConverter converter = new HfConverter(GgmlType.byName(type));
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "convert");
        converter.convert(source, out, (index, count, name) -> bar.update(index, count, name));
        bar.done();
        spec.commandLine().getOut().printf("wrote %s%n", out);
        return DeepSeekCli.EXIT_OK;
    }
}
