package io.github.deepseek4j.tools;

import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.quant.scalar.ScalarQuantizers;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Encodes float rows in a weight type, for the tools that write models (synth, convert, quantize). */
public final class RowEncoder {

    private RowEncoder() {
    }

    public static boolean supports(GgmlType type) {
        return type == GgmlType.F32 || type == GgmlType.F16 || type == GgmlType.BF16
                || ScalarQuantizers.supports(type);
    }

    /** The types rows can be encoded in, by name, for messages. */
    public static String supportedTypes() {
        return Arrays.stream(GgmlType.values()).filter(RowEncoder::supports).map(Enum::name)
                .collect(Collectors.joining(", "));
    }

    /**
     * The type a matrix with rows of {@code rowLength} values is stored in when {@code wanted} is asked
     * for: {@code wanted} when the rows are whole blocks of it, else F16, as llama.cpp's converter falls back.
     */
    public static GgmlType fitting(GgmlType wanted, long rowLength) {
        return rowLength % wanted.blockSize() == 0 ? wanted : GgmlType.F16;
    }

    /**
     * Appends {@code row} to {@code out} (a heap buffer, little endian) as {@code type}.
     *
     * @throws IllegalArgumentException when the row is not a whole number of {@code type}'s blocks
     */
    public static void encode(GgmlType type, float[] row, ByteBuffer out) {
        if (ScalarQuantizers.supports(type)) {
            int bytes = (int) type.byteSize(row.length);
            MemorySegment target = MemorySegment.ofBuffer(out.slice(out.position(), bytes));
            ScalarQuantizers.forType(type).quantize(row, 0, target, 0, row.length);
            out.position(out.position() + bytes);
            return;
        }
        for (float v : row) {
            switch (type) {
                case F32 -> out.putFloat(v);
                case F16 -> out.putShort(Float.floatToFloat16(v));
                case BF16 -> out.putShort(toBf16(v));
                default -> throw new IllegalArgumentException("cannot encode rows as " + type + " yet");
            }
        }
    }

    /** Round to nearest even, as ggml converts; NaN stays a (quiet) NaN. */
    static short toBf16(float v) {
        int bits = Float.floatToRawIntBits(v);
        if ((bits & 0x7fffffff) > 0x7f800000) {
            return (short) ((bits >>> 16) | 64);
        }
        return (short) ((bits + (0x7fff + ((bits >>> 16) & 1))) >>> 16);
    }

    /**
     * llama.cpp's {@code general.file_type} id (LLAMA_FTYPE_*) for a file whose weights are mostly {@code type}
     * (Q3_K, Q4_K and Q5_K: the _M mixes, the files users know them from).
     */
    public static int fileType(GgmlType type) {
        return switch (type) {
            case F32 -> 0;
            case F16 -> 1;
            case Q4_0 -> 2;
            case Q4_1 -> 3;
            case Q8_0 -> 7;
            case Q5_0 -> 8;
            case Q5_1 -> 9;
            case Q2_K -> 10;
            case Q3_K -> 12;
            case Q4_K -> 15;
            case Q5_K -> 17;
            case Q6_K -> 18;
            case IQ4_NL -> 25;
            case IQ4_XS -> 30;
            case BF16 -> 32;
            default -> throw new IllegalArgumentException("no whole-file type id for " + type);
        };
    }
}
