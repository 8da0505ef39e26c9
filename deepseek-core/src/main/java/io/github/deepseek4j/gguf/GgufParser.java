package io.github.deepseek4j.gguf;

import io.github.deepseek4j.quant.GgmlType;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses and validates a GGUF header from memory (a mapped file, or any segment in tests).
 *
 * <p>The file is untrusted: every length and count is checked against the bytes that remain
 * before anything is allocated for it, so a hostile size field yields a {@link GgufFormatException}
 * rather than an OutOfMemoryError. Layout (little endian): magic "GGUF", uint32 version,
 * uint64 tensor count, uint64 metadata count, metadata key/values, tensor infos, padding to
 * {@code general.alignment}, tensor data.
 */
public final class GgufParser {

    public static final int MAGIC = 0x46554747; // "GGUF" read as a little-endian uint32
    public static final int DEFAULT_ALIGNMENT = 32;
    public static final String KEY_ALIGNMENT = "general.alignment";
    /** ggml's GGML_MAX_NAME counts the terminating NUL: names are at most 63 bytes. */
    static final int MAX_TENSOR_NAME_BYTES = 63;
    static final int MAX_DIMENSIONS = 4;
    static final int MAX_KEY_BYTES = 65_535;
    static final int MAX_ARRAY_NESTING = 8;

    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final String source;
    private final MemorySegment data;
    private final long size;
    private long pos;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    private GgufParser(String source, MemorySegment data) {
        this.source = source;
        this.data = data;
        this.size = data.byteSize();
    }

    /**
     * Parses the header of {@code file}, checking every tensor's data lies inside it.
     *
     * @param source name used in error messages (usually the file path)
     */
    public static GgufHeader parse(String source, MemorySegment file) throws GgufFormatException {
        return new GgufParser(source, file).header();
    }

    private GgufHeader header() throws GgufFormatException {
        int magic = u32();
        if (magic != MAGIC) {
            throw error(0, String.format("not a GGUF file: magic is 0x%08x, expected \"GGUF\"", magic));
        }
        int version = u32();
        if (version != 2 && version != 3) {
            String hint = Integer.reverseBytes(version) == 2 || Integer.reverseBytes(version) == 3
                    ? " (this looks like a big-endian GGUF file; only little-endian files are supported)"
                    : version == 1 ? " (GGUF v1 is obsolete; re-convert the model)" : "";
            throw error(4, "unsupported GGUF version " + Integer.toUnsignedString(version)
                    + ", expected 2 or 3" + hint);
        }
        long tensorCount = count(u64(), 8 + 4 + 4 + 8 + 1, "tensor count");
        long kvCount = count(u64(), 8 + 1 + 4 + 1, "metadata count");

        Map<String, GgufValue> entries = new LinkedHashMap<>();
        for (long i = 0; i < kvCount; i++) {
            long keyAt = pos;
            String key = string("metadata key", MAX_KEY_BYTES);
            if (key.isEmpty()) {
                throw error(keyAt, "empty metadata key");
            }
            long typeAt = pos;
            GgufValueType type = valueType(u32(), typeAt);
            GgufValue value = value(type, 0);
            if (entries.putIfAbsent(key, value) != null) {
                throw error(keyAt, "duplicate metadata key '" + key + "'");
            }
        }
        GgufMetadata metadata = new GgufMetadata(source, entries);
        int alignment = alignment(entries.get(KEY_ALIGNMENT));

        List<GgufTensorInfo> tensors = new ArrayList<>((int) tensorCount);
        Set<String> names = new HashSet<>();
        for (long i = 0; i < tensorCount; i++) {
            tensors.add(tensorInfo(names, alignment));
        }
        long dataOffset = alignUp(pos, alignment);
        checkTensorData(tensors, dataOffset);
        return new GgufHeader(version, metadata, tensors, alignment, dataOffset);
    }

    private GgufTensorInfo tensorInfo(Set<String> names, int alignment) throws GgufFormatException {
        long at = pos;
        String name = string("tensor name", Integer.MAX_VALUE);
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_TENSOR_NAME_BYTES) {
            throw error(at, "tensor name '" + name + "' is longer than " + MAX_TENSOR_NAME_BYTES + " bytes");
        }
        if (!names.add(name)) {
            throw error(at, "duplicate tensor name '" + name + "'");
        }
        long dimsAt = pos;
        int dims = u32();
        if (dims < 1 || dims > MAX_DIMENSIONS) {
            throw error(dimsAt, "tensor '" + name + "' has " + Integer.toUnsignedString(dims)
                    + " dimensions, expected 1 to " + MAX_DIMENSIONS);
        }
        long[] shape = new long[dims];
        long elements = 1;
        for (int d = 0; d < dims; d++) {
            long dimAt = pos;
            shape[d] = u64();
            if (shape[d] < 0) {
                throw error(dimAt, "tensor '" + name + "' dimension " + d + " = "
                        + Long.toUnsignedString(shape[d]) + " is too large");
            }
            try {
                elements = Math.multiplyExact(elements, shape[d]);
            } catch (ArithmeticException e) {
                throw error(dimAt, "tensor '" + name + "' element count overflows (shape "
                        + java.util.Arrays.toString(java.util.Arrays.copyOf(shape, d + 1)) + ")");
            }
        }
        long typeAt = pos;
        int typeId = u32();
        GgmlType type = GgmlType.byId(typeId);
        if (type == null) {
            throw error(typeAt, "tensor '" + name + "' has unknown ggml type id " + Integer.toUnsignedString(typeId));
        }
        if (shape[0] % type.blockSize() != 0) {
            throw error(typeAt, "tensor '" + name + "' row length " + shape[0] + " is not a multiple of the "
                    + type + " block size " + type.blockSize());
        }
        long byteSize;
        try {
            byteSize = type.byteSize(elements);
        } catch (ArithmeticException e) {
            throw error(typeAt, "tensor '" + name + "' byte size overflows");
        }
        long offsetAt = pos;
        long offset = u64();
        if (offset < 0 || offset % alignment != 0) {
            throw error(offsetAt, "tensor '" + name + "' data offset " + Long.toUnsignedString(offset)
                    + " is not a multiple of the alignment " + alignment);
        }
        return new GgufTensorInfo(name, type, shape, offset, byteSize, 0);
    }

    private void checkTensorData(List<GgufTensorInfo> tensors, long dataOffset) throws GgufFormatException {
        long available = size - Math.min(size, dataOffset);
        List<GgufTensorInfo> byOffset = new ArrayList<>(tensors);
        byOffset.sort(Comparator.comparingLong(GgufTensorInfo::offset));
        GgufTensorInfo previous = null;
        for (GgufTensorInfo t : byOffset) {
            if (t.offset() > available || t.byteSize() > available - t.offset()) {
                throw error(dataOffset, "tensor '" + t.name() + "' data [" + t.offset() + ", "
                        + (t.offset() + t.byteSize()) + ") lies outside the data section of " + available
                        + " bytes (truncated file?)");
            }
            if (previous != null && t.offset() < previous.offset() + previous.byteSize()) {
                throw error(dataOffset + t.offset(), "tensor '" + t.name() + "' overlaps tensor '"
                        + previous.name() + "'");
            }
            previous = t;
        }
    }

    private int alignment(GgufValue value) throws GgufFormatException {
        if (value == null) {
            return DEFAULT_ALIGNMENT;
        }
        if (!GgufValue.isInteger(value.type())) {
            throw error(0, KEY_ALIGNMENT + " holds " + value.type() + ", expected UINT32");
        }
        long a = (Long) value.value();
        if (a <= 0 || a > (1 << 30) || Long.bitCount(a) != 1) {
            throw error(0, KEY_ALIGNMENT + " = " + a + " is not a power of two");
        }
        return (int) a;
    }

    private GgufValue value(GgufValueType type, int depth) throws GgufFormatException {
        return new GgufValue(type, switch (type) {
            case UINT8, INT8, UINT16, INT16, UINT32, INT32, UINT64, INT64 -> integer(type);
            case FLOAT32 -> Float.intBitsToFloat(u32());
            case FLOAT64 -> Double.longBitsToDouble(u64());
            case BOOL -> bool();
            case STRING -> string("string value", Integer.MAX_VALUE);
            case ARRAY -> array(depth);
        });
    }

    private GgufArray array(int depth) throws GgufFormatException {
        long at = pos;
        if (depth >= MAX_ARRAY_NESTING) {
            throw error(at, "arrays nested deeper than " + MAX_ARRAY_NESTING + " levels");
        }
        GgufValueType type = valueType(u32(), at);
        int n = (int) count(u64(), type.minBytes(), "array length");
        Object elements = switch (type) {
            case UINT8, INT8, UINT16, INT16, UINT32, INT32, UINT64, INT64 -> {
                long[] a = new long[n];
                for (int i = 0; i < n; i++) {
                    a[i] = integer(type);
                }
                yield a;
            }
            case FLOAT32 -> {
                float[] a = new float[n];
                for (int i = 0; i < n; i++) {
                    a[i] = Float.intBitsToFloat(u32());
                }
                yield a;
            }
            case FLOAT64 -> {
                double[] a = new double[n];
                for (int i = 0; i < n; i++) {
                    a[i] = Double.longBitsToDouble(u64());
                }
                yield a;
            }
            case BOOL -> {
                boolean[] a = new boolean[n];
                for (int i = 0; i < n; i++) {
                    a[i] = bool();
                }
                yield a;
            }
            case STRING -> {
                String[] a = new String[n];
                for (int i = 0; i < n; i++) {
                    a[i] = string("array string", Integer.MAX_VALUE);
                }
                yield a;
            }
            case ARRAY -> {
                GgufArray[] a = new GgufArray[n];
                for (int i = 0; i < n; i++) {
                    a[i] = array(depth + 1);
                }
                yield a;
            }
        };
        return GgufArray.wrap(type, elements);
    }

    private long integer(GgufValueType type) throws GgufFormatException {
        return switch (type) {
            case UINT8 -> u8() & 0xFF;
            case INT8 -> u8();
            case UINT16 -> u16() & 0xFFFF;
            case INT16 -> u16();
            case UINT32 -> Integer.toUnsignedLong(u32());
            case INT32 -> u32();
            default -> u64();
        };
    }

    private GgufValueType valueType(int id, long at) throws GgufFormatException {
        GgufValueType type = GgufValueType.byId(id);
        if (type == null) {
            throw error(at, "unknown metadata value type " + Integer.toUnsignedString(id));
        }
        return type;
    }

    /** Checks an untrusted count against the bytes left, given the fewest bytes one item takes. */
    private long count(long n, int minItemBytes, String what) throws GgufFormatException {
        long at = pos - 8;
        if (n < 0 || n > Integer.MAX_VALUE - 8 || n > (size - pos) / minItemBytes) {
            throw error(at, what + " " + Long.toUnsignedString(n) + " does not fit in the "
                    + (size - pos) + " bytes left in the file");
        }
        return n;
    }

    private String string(String what, int maxBytes) throws GgufFormatException {
        long at = pos;
        long length = u64();
        if (length < 0 || length > size - pos) {
            throw error(at, what + " length " + Long.toUnsignedString(length) + " exceeds the "
                    + (size - pos) + " bytes left in the file");
        }
        if (length > maxBytes) {
            throw error(at, what + " length " + length + " exceeds the limit of " + maxBytes + " bytes");
        }
        byte[] bytes = data.asSlice(pos, length).toArray(ValueLayout.JAVA_BYTE);
        pos += length;
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        try {
            return utf8.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw error(at, what + " is not valid UTF-8");
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private boolean bool() throws GgufFormatException {
        long at = pos;
        byte b = u8();
        if (b != 0 && b != 1) {
            throw error(at, "boolean value " + (b & 0xFF) + " is neither 0 nor 1");
        }
        return b == 1;
    }

    private byte u8() throws GgufFormatException {
        need(1);
        return data.get(ValueLayout.JAVA_BYTE, pos++);
    }

    private short u16() throws GgufFormatException {
        need(2);
        short v = data.get(U16, pos);
        pos += 2;
        return v;
    }

    private int u32() throws GgufFormatException {
        need(4);
        int v = data.get(U32, pos);
        pos += 4;
        return v;
    }

    private long u64() throws GgufFormatException {
        need(8);
        long v = data.get(U64, pos);
        pos += 8;
        return v;
    }

    private void need(long bytes) throws GgufFormatException {
        if (bytes > size - pos) {
            throw error(pos, "unexpected end of file (needed " + bytes + " more bytes, file is " + size + " bytes)");
        }
    }

    static long alignUp(long offset, int alignment) {
        return (offset + alignment - 1) / alignment * alignment;
    }

    private GgufFormatException error(long offset, String problem) {
        return new GgufFormatException(source, offset, problem);
    }
}
