package io.github.deepseek4j.cli;

import io.github.deepseek4j.gguf.GgufFile;
import io.github.deepseek4j.quant.KernelBackends;
import io.github.deepseek4j.quant.RowKernel;
import io.github.deepseek4j.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code deepseek dump-tensor FILE NAME --out OUT.f32}: one tensor, dequantized to little-endian float32. */
@Command(name = "dump-tensor", mixinStandardHelpOptions = true,
        description = "Write one tensor, dequantized, as little-endian float32 in GGUF element order.")
final class DumpTensorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "GGUF model file")
    Path file;

    @Parameters(index = "1", paramLabel = "TENSOR", description = "tensor name, e.g. blk.0.attn_q.weight")
    String tensorName;

    @Option(names = "--out", required = true, paramLabel = "OUT.f32", description = "output file")
    Path out;

    @Override
    public Integer call() throws Exception {
        try (GgufFile gguf = GgufFile.open(file)) {
            Tensor tensor = gguf.findTensor(tensorName).orElseThrow(() -> new ParameterException(
                    spec.commandLine(), "no tensor '" + tensorName + "' in " + file));
            RowKernel kernel = KernelBackends.scalar().kernel(tensor.type());
            int rowLength = Math.toIntExact(tensor.dim(0));
            long rowBytes = tensor.rowBytes();
            float[] row = new float[rowLength];
            ByteBuffer bytes = ByteBuffer.allocate(rowLength * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            try (OutputStream os = Files.newOutputStream(out)) {
                for (long r = 0; r < tensor.rows(); r++) {
                    kernel.dequantize(tensor.data(), r * rowBytes, row, 0, rowLength);
                    bytes.clear();
                    bytes.asFloatBuffer().put(row);
                    os.write(bytes.array());
                }
            }
            spec.commandLine().getOut().printf("wrote %s: %s %s, %d floats%n", out, tensor.name(), tensor.type(),
                    tensor.elementCount());
        }
        return DeepSeekCli.EXIT_OK;
    }
}
