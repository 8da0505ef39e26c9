package io.github.deepseek4j.tools.convert;

import io.github.deepseek4j.internal.json.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes .safetensors files for tests: F32, F16, BF16 from floats, or raw FP8 bytes. */
final class SafetensorsWriter {

    private record Item(String dtype, long[] shape, byte[] data) {
    }

    private final Map<String, Item> items = new LinkedHashMap<>();

    SafetensorsWriter put(String name, String dtype, long[] shape, float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * SafetensorsDtypes.bytes(dtype)).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            switch (dtype) {
                case "F32" -> b.putFloat(v);
                case "F16" -> b.putShort(Float.floatToFloat16(v));
                case "BF16" -> b.putShort((short) (Float.floatToRawIntBits(v) >>> 16));
                default -> throw new IllegalArgumentException(dtype);
            }
        }
        items.put(name, new Item(dtype, shape, b.array()));
        return this;
    }

    SafetensorsWriter putRaw(String name, String dtype, long[] shape, byte[] data) {
        items.put(name, new Item(dtype, shape, data));
        return this;
    }

    void write(Path file) throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        long offset = 0;
        for (Map.Entry<String, Item> e : items.entrySet()) {
            Item it = e.getValue();
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("dtype", it.dtype());
            info.put("shape", java.util.Arrays.stream(it.shape()).boxed().toList());
            info.put("data_offsets", List.of(offset, offset + it.data().length));
            header.put(e.getKey(), info);
            offset += it.data().length;
        }
        byte[] json = Json.write(header).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).array());
            out.write(json);
            for (Item it : items.values()) {
                out.write(it.data());
            }
        }
    }

    private static final class SafetensorsDtypes {
        static int bytes(String dtype) {
            return dtype.equals("F32") ? 4 : 2;
        }
    }
}
