package io.github.deepseek4j.tools.convert;

import io.github.deepseek4j.ModelFormatException;
import io.github.deepseek4j.internal.json.Json;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mapped {@code .safetensors} file: a little-endian u64 header length, a JSON header naming each
 * tensor's dtype, shape and byte range, then the data. Validated like any untrusted input.
 */
final class SafetensorsFile implements AutoCloseable {

    /** Safetensors' own reference implementation refuses headers above 100 MB. */
    private static final long MAX_HEADER_BYTES = 100_000_000L;

    /** One tensor: dtype name as safetensors spells it, shape (outermost first), bytes. */
    record Entry(String name, String dtype, long[] shape, MemorySegment data) {
        long elementCount() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return n;
        }
    }

    private final Arena arena;
    private final Map<String, Entry> entries;

    private SafetensorsFile(Arena arena, Map<String, Entry> entries) {
        this.arena = arena;
        this.entries = entries;
    }

    static SafetensorsFile open(Path path) throws IOException {
        Arena arena = Arena.ofShared();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            MemorySegment file = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
            return new SafetensorsFile(arena, parse(path.toString(), file));
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Entry> parse(String source, MemorySegment file) throws ModelFormatException {
        if (file.byteSize() < 8) {
            throw new ModelFormatException(source + ": too short for a safetensors file");
        }
        long headerBytes = file.get(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 0);
        if (headerBytes < 2 || headerBytes > MAX_HEADER_BYTES || headerBytes > file.byteSize() - 8) {
            throw new ModelFormatException(source + ": header length " + Long.toUnsignedString(headerBytes)
                    + " does not fit the file of " + file.byteSize() + " bytes");
        }
        Object header;
        try {
            header = Json.parse(new String(file.asSlice(8, headerBytes).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(source + ": header is not valid JSON: " + e.getMessage());
        }
        if (!(header instanceof Map<?, ?> map)) {
            throw new ModelFormatException(source + ": header is not a JSON object");
        }
        MemorySegment data = file.asSlice(8 + headerBytes);
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<long[]> ranges = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = (String) e.getKey();
            if (name.equals("__metadata__")) {
                continue;
            }
            try {
                Map<String, Object> info = (Map<String, Object>) e.getValue();
                String dtype = (String) info.get("dtype");
                List<Object> shapeList = (List<Object>) info.get("shape");
                List<Object> offsets = (List<Object>) info.get("data_offsets");
                long[] shape = shapeList.stream().mapToLong(o -> (Long) o).toArray();
                long begin = (Long) offsets.get(0);
                long end = (Long) offsets.get(1);
                long elements = 1;
                for (long d : shape) {
                    if (d < 0) {
                        throw new ModelFormatException(source + ": tensor '" + name + "' has a negative dimension");
                    }
                    elements = Math.multiplyExact(elements, d);
                }
                long expected = Math.multiplyExact(elements, (long) dtypeBytes(source, name, dtype));
                if (begin < 0 || end < begin || end > data.byteSize() || end - begin != expected) {
                    throw new ModelFormatException(source + ": tensor '" + name + "' byte range [" + begin + ", " + end
                            + ") does not match its " + dtype + " shape " + shapeList + " within the " + data.byteSize()
                            + " data bytes");
                }
                entries.put(name, new Entry(name, dtype, shape, data.asSlice(begin, end - begin)));
                ranges.add(new long[] {begin, end});
            } catch (ClassCastException | NullPointerException | IndexOutOfBoundsException | ArithmeticException bad) {
                throw new ModelFormatException(source + ": malformed header entry for tensor '" + name + "'");
            }
        }
        ranges.sort(Comparator.comparingLong(r -> r[0]));
        for (int i = 1; i < ranges.size(); i++) {
            if (ranges.get(i)[0] < ranges.get(i - 1)[1]) {
                throw new ModelFormatException(source + ": tensors overlap at data byte " + ranges.get(i)[0]);
            }
        }
        return entries;
    }

    static int dtypeBytes(String source, String tensor, String dtype) throws ModelFormatException {
        return switch (dtype) {
            case "F32" -> 4;
            case "F16", "BF16" -> 2;
            case "F8_E4M3" -> 1;
            default -> throw new ModelFormatException(source + ": tensor '" + tensor + "' has dtype " + dtype
                    + "; supported: F32, F16, BF16, F8_E4M3");
        };
    }

    Map<String, Entry> entries() {
        return entries;
    }

    @Override
    public synchronized void close() {
        if (arena.scope().isAlive()) {
            arena.close();
        }
    }
}
