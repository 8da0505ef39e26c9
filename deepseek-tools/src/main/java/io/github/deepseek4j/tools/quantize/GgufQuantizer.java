package io.github.deepseek4j.tools.quantize;

import io.github.deepseek4j.gguf.GgufFile;
import io.github.deepseek4j.gguf.GgufMetadata;
import io.github.deepseek4j.gguf.GgufTensorInfo;
import io.github.deepseek4j.gguf.GgufWriter;
import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.quant.KernelBackends;
import io.github.deepseek4j.quant.RowKernel;
import io.github.deepseek4j.quant.RowParallel;
import io.github.deepseek4j.tensor.Tensor;
import io.github.deepseek4j.tools.RowEncoder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import static io.github.deepseek4j.gguf.MetadataKey.*;

/**
 * Requantizes a GGUF model to a {@link QuantizationMix} as llama.cpp's {@code llama-quantize} does (no
 * importance matrix): same per-tensor types, same bytes, metadata copied with {@code general.file_type}
 * and {@code general.quantization_version} set, tensors in llama.cpp's order. Input tensors may be F32,
 * F16, BF16 or quantized (dequantized first). The file is streamed a chunk of rows (about 1 MiB of
 * output) at a time, so memory stays bounded by a chunk, not by a tensor or the model.
 */
public final class GgufQuantizer {

    /** Told about each tensor as it is written (for a progress display). */
    @FunctionalInterface
    public interface Progress {
        void tensor(int index, int count, String name);
    }

    private static final Logger LOG = LoggerFactory.getLogger(GgufQuantizer.class);
    private static final long QUANTIZATION_VERSION = 2;
    private static final int CHUNK_BYTES = 1 << 20;
    private static final Set<String> REPLACED_KEYS = Set.of(GENERAL_FILE_TYPE.key(),
            GENERAL_QUANTIZATION_VERSION.key(), GENERAL_ALIGNMENT.key(), GgufFile.KEY_SPLIT_COUNT, GgufFile.KEY_SPLIT_NO, GgufFile.KEY_SPLIT_TENSORS_COUNT);

    private final QuantizationMix mix;
    private final RowParallel parallel;

    /** Quantizes on the calling thread. */
    public GgufQuantizer(QuantizationMix mix) {
        this(mix, RowParallel.serial());
    }

    /** Quantizes the rows of each chunk through {@code parallel} (the bytes do not depend on it). */
    public GgufQuantizer(QuantizationMix mix, RowParallel parallel) {
        this.mix = mix;
        this.parallel = parallel;
    }

    public void quantize(Path in, Path out, Progress progress) throws IOException {
        try (GgufFile source = GgufFile.open(in)) {
            GgufMetadata metadata = source.metadata();
            GgufWriter writer = new GgufWriter().alignment(source.alignment());
            metadata.asMap().forEach((key, value) -> {
                if (!REPLACED_KEYS.contains(key)) {
                    writer.put(key, value);
                }
            });
            writer.putUint32(GENERAL_QUANTIZATION_VERSION.key(), QUANTIZATION_VERSION);
            writer.putUint32(GENERAL_FILE_TYPE.key(), mix.fileType());

            List<GgufTensorInfo> tensors = inLlamaCppOrder(source.tensorInfos());
            TensorTypeRules rules = new TensorTypeRules(mix, tensors, TensorTypeRules.ModelFacts.of(metadata));
            for (int i = 0; i < tensors.size(); i++) {
                GgufTensorInfo info = tensors.get(i);
                GgmlType target = rules.typeOf(info);
                if (target == GgmlType.F16 && TensorTypeRules.quantizable(info)) {
                    LOG.warn("{}: rows of {} values are not whole {} blocks; keeping it F16",
                            info.name(), info.dim(0), mix.defaultType());
                }
                Tensor tensor = source.tensor(info.name());
                int index = i;
                writer.addTensor(info.name(), target, info.shape(), channel -> {
                    progress.tensor(index, tensors.size(), info.name());
                    if (tensor.type() == target) {
                        copy(tensor.data(), channel);
                    } else {
                        convert(tensor, target, channel, parallel);
                    }
                });
            }
            writer.write(out);
        }
    }

    /** llama.cpp's model loader order: tensors outside blocks first, then by block number, each by name. */
    static List<GgufTensorInfo> inLlamaCppOrder(List<GgufTensorInfo> tensors) {
        List<GgufTensorInfo> sorted = new ArrayList<>(tensors);
        sorted.sort(Comparator.comparingInt((GgufTensorInfo t) -> blockOf(t.name()))
                .thenComparing(GgufTensorInfo::name));
        return sorted;
    }

    /** The {@code N} of a {@code blk.N.} tensor name, or -1. */
    static int blockOf(String name) {
        if (!name.startsWith("blk.")) {
            return -1;
        }
        int end = name.indexOf('.', 4);
        try {
            return end < 0 ? -1 : Integer.parseInt(name.substring(4, end));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** In slices: a mapped tensor may be larger than one ByteBuffer can address. */
    private static void copy(MemorySegment data, WritableByteChannel channel) throws IOException {
        for (long at = 0; at < data.byteSize(); at += CHUNK_BYTES) {
            ByteBuffer slice = data.asSlice(at, Math.min(CHUNK_BYTES, data.byteSize() - at)).asByteBuffer();
            while (slice.hasRemaining()) {
                channel.write(slice);
            }
        }
    }

    /** Dequantizes each row of {@code tensor} to floats and encodes it as {@code target}, a chunk of rows at a time. */
    private static void convert(Tensor tensor, GgmlType target, WritableByteChannel channel, RowParallel parallel)
            throws IOException {
        RowKernel reader = KernelBackends.scalar().kernel(tensor.type());
        int rowLength = (int) tensor.dim(0);
        int outRowBytes = (int) target.byteSize(rowLength);
        int rowsPerChunk = Math.max(1, CHUNK_BYTES / outRowBytes);
        byte[] chunk = new byte[rowsPerChunk * outRowBytes];
        for (long first = 0; first < tensor.rows(); first += rowsPerChunk) {
            int count = (int) Math.min(rowsPerChunk, tensor.rows() - first);
            long firstRow = first;
            parallel.forRange(count, (from, to) -> {
                float[] row = new float[rowLength];
                for (int i = from; i < to; i++) {
                    reader.dequantize(tensor.data(), (firstRow + i) * tensor.rowBytes(), row, 0, rowLength);
                    RowEncoder.encode(target, row,
                            ByteBuffer.wrap(chunk, i * outRowBytes, outRowBytes).order(ByteOrder.LITTLE_ENDIAN));
                }
            });
            ByteBuffer written = ByteBuffer.wrap(chunk, 0, count * outRowBytes);
            while (written.hasRemaining()) {
                channel.write(written);
            }
        }
    }
}
