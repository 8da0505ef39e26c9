package io.github.deepseek4j.tools.convert;

import io.github.deepseek4j.ModelFormatException;
import io.github.deepseek4j.gguf.GgufWriter;
import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.tools.RowEncoder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Converts a Hugging Face checkpoint (DeepseekV3/V2, Qwen2, Llama) to GGUF with the tensor names,
 * metadata keys and tokenizer keys other GGUF readers expect. Streams one tensor row at a time.
 */
public final class HfConverter {

    /** Told about each tensor as it is written (for a progress display). */
    @FunctionalInterface
    public interface Progress {
        void tensor(int index, int count, String name);
    }

    private final GgmlType type;

    /**
     * @param type the weight type of matrices (norms, biases and routers stay F32; matrices whose rows
     *             are not whole blocks of a quantized type fall back to F16)
     */
    public HfConverter(GgmlType type) {
        if (!RowEncoder.supports(type)) {
            throw new IllegalArgumentException("converting to " + type + " is not supported yet; use one of "
                    + RowEncoder.supportedTypes());
        }
        this.type = type;
    }

    public void convert(Path hfDir, Path out, Progress progress) throws IOException {
        try (HfCheckpoint ckpt = HfCheckpoint.open(hfDir)) {
            HfArchitecture arch = HfArchitecture.of(ckpt);
            GgufWriter writer = new GgufWriter();
            arch.metadata(writer);
            writer.putUint32("general.file_type", RowEncoder.fileType(type));
            HfTokenizerKeys.write(hfDir, arch.vocabularySize(), writer);
            List<HfArchitecture.TensorPlan> plans = arch.tensors();
            checkEverythingUsed(ckpt, arch, plans);
            for (int i = 0; i < plans.size(); i++) {
                HfArchitecture.TensorPlan plan = plans.get(i);
                GgmlType t = plan.keepF32() ? GgmlType.F32 : RowEncoder.fitting(type, plan.ggufShape()[0]);
                int index = i;
                writer.addTensor(plan.ggufName(), t, plan.ggufShape(), channel -> {
                    progress.tensor(index, plans.size(), plan.ggufName());
                    writeRows(ckpt, plan, t, channel);
                });
            }
            writer.write(out);
        }
    }

    /** A checkpoint tensor that no plan reads would be silently lost: refuse instead. */
    private static void checkEverythingUsed(HfCheckpoint ckpt, HfArchitecture arch, List<HfArchitecture.TensorPlan> plans)
            throws ModelFormatException {
        Set<String> unused = new LinkedHashSet<>(ckpt.names());
        for (HfArchitecture.TensorPlan p : plans) {
            p.sources().forEach(unused::remove);
        }
        unused.removeIf(arch::ignores);
        unused.removeIf(n -> n.endsWith("_scale_inv"));
        if (!unused.isEmpty()) {
            throw new ModelFormatException(ckpt.dir() + ": tensors this converter does not know: "
                    + new ArrayList<>(unused).subList(0, Math.min(10, unused.size())));
        }
    }

    private static void writeRows(HfCheckpoint ckpt, HfArchitecture.TensorPlan plan, GgmlType t,
                                  WritableByteChannel channel) throws IOException {
        long[] ne = plan.ggufShape();
        int rowLength = (int) ne[0];
        float[] row = new float[rowLength];
        ByteBuffer bytes = ByteBuffer.allocate((int) t.byteSize(rowLength)).order(ByteOrder.LITTLE_ENDIAN);
        for (long r = 0; r < plan.rows(); r++) {
            HfArchitecture.RowSource src = plan.source(r);
            ckpt.readRow(src.tensor(), src.row(), row);
            bytes.clear();
            RowEncoder.encode(t, row, bytes);
            bytes.flip();
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
    }
}
