package io.github.deepseek4j.tools.synth;

import io.github.deepseek4j.quant.GgmlType;

import java.nio.ByteBuffer;

/** Encodes float rows as the plain floating-point weight types. */
final class FloatRows {

    private FloatRows() {
    }

    static boolean supports(GgmlType type) {
        return type == GgmlType.F32 || type == GgmlType.F16 || type == GgmlType.BF16;
    }

    static void encode(GgmlType type, float[] row, ByteBuffer out) {
        for (float v : row) {
            switch (type) {
                case F32 -> out.putFloat(v);
                case F16 -> out.putShort(Float.floatToFloat16(v));
                case BF16 -> out.putShort(toBf16(v));
                default -> throw new IllegalArgumentException(type.name());
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
}
