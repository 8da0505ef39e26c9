package io.github.deepseek4j.gguf;

import io.github.deepseek4j.quant.GgmlType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes GGUF v3 files: metadata, tensor table, and tensor data at aligned offsets.
 *
 * <p>Tensor data is pulled from each tensor's {@link TensorData} while the file is written, one
 * tensor at a time, so a converter or quantizer holds at most one tensor in memory. Files are
 * written to a temporary sibling and renamed into place, so a crash never leaves a half file.
 */
public final class GgufWriter {

    /** Produces a tensor's bytes; must write exactly the size its type and shape imply. */
    @FunctionalInterface
    public interface TensorData {
        void writeTo(WritableByteChannel out) throws IOException;

        static TensorData of(MemorySegment bytes) {
            return out -> writeFully(out, bytes.asByteBuffer());
        }

        static TensorData of(byte[] bytes) {
            return out -> writeFully(out, ByteBuffer.wrap(bytes));
        }

        static TensorData ofFloats(float[] values) {
            return out -> {
                ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(values);
                writeFully(out, b);
            };
        }
    }

    private record PendingTensor(String name, GgmlType type, long[] shape, long byteSize, TensorData data) {
    }

    private final Map<String, GgufValue> metadata = new LinkedHashMap<>();
    private final List<PendingTensor> tensors = new ArrayList<>();
    private final Set<String> tensorNames = new HashSet<>();
    private int alignment = GgufParser.DEFAULT_ALIGNMENT;

    /** Data alignment in bytes (a power of two; default 32). Recorded as {@code general.alignment} when not 32. */
    public GgufWriter alignment(int bytes) {
        if (bytes <= 0 || Integer.bitCount(bytes) != 1) {
            throw new IllegalArgumentException("alignment must be a power of two, got " + bytes);
        }
        this.alignment = bytes;
        return this;
    }

    /** Adds or replaces a metadata entry (entries keep the order they were first put in). */
    public GgufWriter put(String key, GgufValue value) {
        if (Objects.requireNonNull(key, "key").isEmpty()) {
            throw new IllegalArgumentException("metadata key must not be empty");
        }
        metadata.put(key, Objects.requireNonNull(value, "value"));
        return this;
    }

    public GgufWriter putString(String key, String value) {
        return put(key, GgufValue.ofString(value));
    }

    public GgufWriter putUint32(String key, long value) {
        return put(key, GgufValue.ofUint32(value));
    }

    public GgufWriter putFloat32(String key, float value) {
        return put(key, GgufValue.ofFloat32(value));
    }

    public GgufWriter putBool(String key, boolean value) {
        return put(key, GgufValue.ofBool(value));
    }

    public GgufWriter putArray(String key, GgufArray value) {
        return put(key, GgufValue.ofArray(value));
    }

    /** Copies every entry of {@code source} (for tools that rewrite a model's tensors but keep its metadata). */
    public GgufWriter putAll(GgufMetadata source) {
        source.asMap().forEach(this::put);
        return this;
    }

    /**
     * Adds a tensor; its data is requested when the file is written.
     *
     * @param shape ggml dimensions, {@code shape[0]} contiguous
     */
    public GgufWriter addTensor(String name, GgmlType type, long[] shape, TensorData data) {
        if (name.getBytes(StandardCharsets.UTF_8).length > GgufParser.MAX_TENSOR_NAME_BYTES) {
            throw new IllegalArgumentException("tensor name '" + name + "' is longer than "
                    + GgufParser.MAX_TENSOR_NAME_BYTES + " bytes");
        }
        if (shape.length < 1 || shape.length > GgufParser.MAX_DIMENSIONS) {
            throw new IllegalArgumentException("tensor '" + name + "' must have 1 to 4 dimensions");
        }
        long elements = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("tensor '" + name + "' has a negative dimension");
            }
            elements = Math.multiplyExact(elements, d);
        }
        if (shape[0] % type.blockSize() != 0) {
            throw new IllegalArgumentException("tensor '" + name + "' row length " + shape[0]
                    + " is not a multiple of the " + type + " block size " + type.blockSize());
        }
        if (!tensorNames.add(name)) {
            throw new IllegalArgumentException("duplicate tensor name '" + name + "'");
        }
        tensors.add(new PendingTensor(name, type, shape.clone(), type.byteSize(elements), Objects.requireNonNull(data)));
        return this;
    }

    /** Writes the file atomically: to a temporary sibling first, then renamed over {@code path}. */
    public void write(Path path) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Not createTempFile: its owner-only permissions would carry over to the model file.
        Path tmp = Files.createFile(dir.resolve("." + path.getFileName() + "." + ProcessHandle.current().pid()
                + "-" + System.nanoTime() + ".tmp"));
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                write(ch);
                ch.force(true);
            }
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes the whole file to {@code out}. */
    public void write(WritableByteChannel out) throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        Encoder enc = new Encoder(header);
        Map<String, GgufValue> entries = new LinkedHashMap<>(metadata);
        if (alignment != GgufParser.DEFAULT_ALIGNMENT) {
            entries.put(GgufParser.KEY_ALIGNMENT, GgufValue.ofUint32(alignment));
        } else {
            entries.remove(GgufParser.KEY_ALIGNMENT);
        }
        enc.u32(GgufParser.MAGIC);
        enc.u32(3);
        enc.u64(tensors.size());
        enc.u64(entries.size());
        for (Map.Entry<String, GgufValue> e : entries.entrySet()) {
            enc.string(e.getKey());
            enc.u32(e.getValue().type().id());
            enc.value(e.getValue());
        }
        long offset = 0;
        for (PendingTensor t : tensors) {
            enc.string(t.name());
            enc.u32(t.shape().length);
            for (long d : t.shape()) {
                enc.u64(d);
            }
            enc.u32(t.type().id());
            enc.u64(offset);
            offset = GgufParser.alignUp(offset + t.byteSize(), alignment);
        }
        enc.pad(alignment, header.size());
        writeFully(out, ByteBuffer.wrap(header.toByteArray()));

        CountingChannel counting = new CountingChannel(out);
        long written = 0;
        for (PendingTensor t : tensors) {
            long start = counting.count;
            t.data().writeTo(counting);
            long size = counting.count - start;
            if (size != t.byteSize()) {
                throw new IOException("tensor '" + t.name() + "' (" + t.type() + " " + Arrays.toString(t.shape())
                        + ") wrote " + size + " bytes, expected " + t.byteSize());
            }
            written += size;
            long padded = GgufParser.alignUp(written, alignment);
            writeFully(counting, ByteBuffer.allocate((int) (padded - written)));
            written = padded;
        }
    }

    private static void writeFully(WritableByteChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    private static final class CountingChannel implements WritableByteChannel {
        private final WritableByteChannel target;
        long count;

        CountingChannel(WritableByteChannel target) {
            this.target = target;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            int n = target.write(src);
            count += n;
            return n;
        }

        @Override
        public boolean isOpen() {
            return target.isOpen();
        }

        @Override
        public void close() {
            // The caller owns the target channel.
        }
    }

    /** Little-endian encoding of header fields. */
    private static final class Encoder {
        private final ByteArrayOutputStream out;
        private final ByteBuffer scratch = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);

        Encoder(ByteArrayOutputStream out) {
            this.out = out;
        }

        void u8(int v) {
            out.write(v);
        }

        void u16(int v) {
            scratch.clear();
            scratch.putShort((short) v);
            out.write(scratch.array(), 0, 2);
        }

        void u32(long v) {
            scratch.clear();
            scratch.putInt((int) v);
            out.write(scratch.array(), 0, 4);
        }

        void u64(long v) {
            scratch.clear();
            scratch.putLong(v);
            out.write(scratch.array(), 0, 8);
        }

        void string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            u64(b.length);
            out.write(b, 0, b.length);
        }

        void pad(int alignment, long position) {
            long padded = GgufParser.alignUp(position, alignment);
            for (long i = position; i < padded; i++) {
                out.write(0);
            }
        }

        void value(GgufValue v) {
            scalar(v.type(), v.value());
        }

        private void scalar(GgufValueType type, Object value) {
            switch (type) {
                case UINT8, INT8 -> u8((int) (long) (Long) value);
                case UINT16, INT16 -> u16((int) (long) (Long) value);
                case UINT32, INT32 -> u32((Long) value);
                case UINT64, INT64 -> u64((Long) value);
                case FLOAT32 -> u32(Float.floatToRawIntBits((Float) value));
                case FLOAT64 -> u64(Double.doubleToRawLongBits((Double) value));
                case BOOL -> u8((Boolean) value ? 1 : 0);
                case STRING -> string((String) value);
                case ARRAY -> array((GgufArray) value);
            }
        }

        private void array(GgufArray a) {
            u32(a.elementType().id());
            u64(a.length());
            switch (a.raw()) {
                case long[] longs -> {
                    for (long l : longs) {
                        scalar(a.elementType(), l);
                    }
                }
                case float[] floats -> {
                    for (float f : floats) {
                        u32(Float.floatToRawIntBits(f));
                    }
                }
                case double[] doubles -> {
                    for (double d : doubles) {
                        u64(Double.doubleToRawLongBits(d));
                    }
                }
                case boolean[] bools -> {
                    for (boolean b : bools) {
                        u8(b ? 1 : 0);
                    }
                }
                case String[] strings -> {
                    for (String s : strings) {
                        string(s);
                    }
                }
                case GgufArray[] arrays -> {
                    for (GgufArray nested : arrays) {
                        array(nested);
                    }
                }
                default -> throw new IllegalStateException("unexpected array storage " + a.raw().getClass());
            }
        }
    }
}
