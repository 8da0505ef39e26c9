package io.github.deepseek4j.tools;

import io.github.deepseek4j.quant.GgmlType;

import java.nio.ByteBuffer;

/** Encodes float rows in a weight type, for the tools that write models (synth, convert). */
public final class RowEncoder {

    private RowEncoder() {
    }

    public static boolean supports(GgmlType type) {
        return type == GgmlType.F32 || type == GgmlType.F16 || type == GgmlType.BF16;
    }

    /** Appends {@code row} to {@code out} (little endian) as {@code type}. */
    public static void encode(GgmlType type, float[] row, ByteBuffer out) {
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

    /** llama.cpp's {@code general.file_type} id for a file whose weights are all {@code type}. */
    public static int fileType(GgmlType type) {
        return switch (type) {
            case F32 -> 0;
            case F16 -> 1;
            case BF16 -> 32;
            default -> throw new IllegalArgumentException("no whole-file type id for " + type);
        };
    }
}
