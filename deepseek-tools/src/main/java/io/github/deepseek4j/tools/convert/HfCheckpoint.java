package io.github.deepseek4j.tools.convert;

import io.github.deepseek4j.ModelFormatException;
import io.github.deepseek4j.internal.json.Json;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Hugging Face checkpoint directory: {@code config.json} plus {@code model.safetensors}, or shards
 * listed by {@code model.safetensors.index.json}. Reads tensors row by row as floats, whatever their
 * stored dtype (F32, F16, BF16, or FP8 E4M3 with DeepSeek-V3's 128x128 block scales).
 */
final class HfCheckpoint implements AutoCloseable {

    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    /** DeepSeek-V3's FP8 weights carry one inverse scale per 128 x 128 block. */
    private static final int FP8_BLOCK = 128;

    private final Path dir;
    private final Map<String, Object> config;
    private final List<SafetensorsFile> shards;
    private final Map<String, SafetensorsFile.Entry> tensors = new LinkedHashMap<>();

    private HfCheckpoint(Path dir, Map<String, Object> config, List<SafetensorsFile> shards) {
        this.dir = dir;
        this.config = config;
        this.shards = shards;
        shards.forEach(s -> tensors.putAll(s.entries()));
    }

    @SuppressWarnings("unchecked")
    static HfCheckpoint open(Path dir) throws IOException {
        Map<String, Object> config = (Map<String, Object>) readJson(dir.resolve("config.json"));
        Set<String> files = new LinkedHashSet<>();
        Path index = dir.resolve("model.safetensors.index.json");
        if (Files.exists(index)) {
            Map<String, Object> weightMap = (Map<String, Object>) ((Map<String, Object>) readJson(index)).get("weight_map");
            if (weightMap == null) {
                throw new ModelFormatException(index + ": no weight_map");
            }
            weightMap.values().forEach(v -> files.add((String) v));
        } else {
            files.add("model.safetensors");
        }
        List<SafetensorsFile> shards = new ArrayList<>();
        try {
            for (String f : files) {
                Path shard = dir.resolve(f).normalize();
                if (!shard.startsWith(dir.normalize())) {
                    throw new ModelFormatException(index + ": shard '" + f + "' lies outside the checkpoint directory");
                }
                shards.add(SafetensorsFile.open(shard));
            }
        } catch (IOException | RuntimeException e) {
            shards.forEach(SafetensorsFile::close);
            throw e;
        }
        return new HfCheckpoint(dir, config, shards);
    }

    static Object readJson(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "missing from the checkpoint");
        }
        try {
            return Json.parse(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file + ": " + e.getMessage());
        }
    }

    Path dir() {
        return dir;
    }

    Map<String, Object> config() {
        return config;
    }

    boolean has(String name) {
        return tensors.containsKey(name);
    }

    Set<String> names() {
        return tensors.keySet();
    }

    /** Shape as stored (outermost first: a linear layer is [out, in]). */
    long[] shape(String name) throws ModelFormatException {
        return entry(name).shape().clone();
    }

    /** Reads row {@code row} (the last dimension's values) of a tensor as floats. */
    void readRow(String name, long row, float[] out) throws ModelFormatException {
        SafetensorsFile.Entry e = entry(name);
        long[] shape = e.shape();
        int n = (int) shape[shape.length - 1];
        MemorySegment d = e.data();
        long base = row * n;
        switch (e.dtype()) {
            case "F32" -> {
                for (int i = 0; i < n; i++) {
                    out[i] = d.get(F32, (base + i) * 4);
                }
            }
            case "F16" -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Float.float16ToFloat(d.get(I16, (base + i) * 2));
                }
            }
            case "BF16" -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Float.intBitsToFloat(d.get(I16, (base + i) * 2) << 16);
                }
            }
            case "F8_E4M3" -> readFp8Row(name, e, row, n, out);
            default -> throw new ModelFormatException(dir + ": tensor '" + name + "' has unsupported dtype " + e.dtype());
        }
    }

    private void readFp8Row(String name, SafetensorsFile.Entry e, long row, int n, float[] out) throws ModelFormatException {
        String scaleName = name + "_scale_inv";
        SafetensorsFile.Entry scale = tensors.get(scaleName);
        long[] s = scale == null ? null : scale.shape();
        long rows = e.elementCount() / n;
        if (s == null || s.length != 2 || s[0] != ceilDiv(rows, FP8_BLOCK) || s[1] != ceilDiv(n, FP8_BLOCK)) {
            throw new ModelFormatException(dir + ": FP8 tensor '" + name + "' needs a block scale tensor '" + scaleName
                    + "' of shape [" + ceilDiv(rows, FP8_BLOCK) + ", " + ceilDiv(n, FP8_BLOCK) + "]");
        }
        float[] scaleRow = new float[(int) s[1]];
        readRow(scaleName, row / FP8_BLOCK, scaleRow);
        MemorySegment d = e.data();
        for (int i = 0; i < n; i++) {
            out[i] = fp8e4m3(d.get(ValueLayout.JAVA_BYTE, row * n + i)) * scaleRow[i / FP8_BLOCK];
        }
    }

    /** FP8 E4M3 (the "fn" variant: no infinities, S.1111.111 is NaN), exponent bias 7. */
    static float fp8e4m3(byte b) {
        int sign = (b & 0x80) != 0 ? -1 : 1;
        int exponent = (b >> 3) & 0xF;
        int mantissa = b & 0x7;
        if (exponent == 0xF && mantissa == 0x7) {
            return Float.NaN;
        }
        float magnitude = exponent == 0
                ? Math.scalb(mantissa / 8f, -6)
                : Math.scalb(1 + mantissa / 8f, exponent - 7);
        return sign * magnitude;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private SafetensorsFile.Entry entry(String name) throws ModelFormatException {
        SafetensorsFile.Entry e = tensors.get(name);
        if (e == null) {
            throw new ModelFormatException(dir + ": the checkpoint has no tensor '" + name + "'");
        }
        return e;
    }

    @Override
    public void close() {
        shards.forEach(SafetensorsFile::close);
    }
}
