package io.github.deepseek4j.quant;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.Random;

/** Random but well-formed rows of any supported type: random quants, sane fp16 scales. */
final class RandomRows {

    /** Byte offsets of the fp16 scale fields within one block. */
    private static final Map<GgmlType, int[]> HALF_FIELDS = Map.ofEntries(
            Map.entry(GgmlType.Q8_0, new int[] {0}),
            Map.entry(GgmlType.Q4_0, new int[] {0}),
            Map.entry(GgmlType.Q4_1, new int[] {0, 2}),
            Map.entry(GgmlType.Q5_0, new int[] {0}),
            Map.entry(GgmlType.Q5_1, new int[] {0, 2}),
            Map.entry(GgmlType.Q2_K, new int[] {80, 82}),
            Map.entry(GgmlType.Q3_K, new int[] {108}),
            Map.entry(GgmlType.Q4_K, new int[] {0, 2}),
            Map.entry(GgmlType.Q5_K, new int[] {0, 2}),
            Map.entry(GgmlType.Q6_K, new int[] {208}),
            Map.entry(GgmlType.IQ4_NL, new int[] {0}),
            Map.entry(GgmlType.IQ4_XS, new int[] {0}));

    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private RandomRows() {
    }

    /** {@code n} values of {@code type}, preceded by {@code prefix} filler bytes. */
    static byte[] row(GgmlType type, int n, int prefix, Random random) {
        byte[] bytes = new byte[prefix + Math.toIntExact(type.byteSize(n))];
        random.nextBytes(bytes);
        MemorySegment row = MemorySegment.ofArray(bytes);
        for (int i = 0; i < n && !type.isQuantized(); i++) {
            float value = (float) random.nextGaussian();
            switch (type) {
                case F32 -> row.set(FLOAT, prefix + 4L * i, value);
                case F16 -> row.set(SHORT, prefix + 2L * i, Float.floatToFloat16(value));
                case BF16 -> row.set(SHORT, prefix + 2L * i, (short) (Float.floatToIntBits(value) >>> 16));
                default -> throw new IllegalArgumentException(type.toString());
            }
        }
        int[] halves = HALF_FIELDS.getOrDefault(type, new int[0]);
        for (int b = 0; b < n / type.blockSize() && type.isQuantized(); b++) {
            for (int field : halves) {
                float scale = 0.001f + 0.05f * random.nextFloat();
                row.set(SHORT, prefix + (long) b * type.blockBytes() + field, Float.floatToFloat16(scale));
            }
        }
        return bytes;
    }

    static float[] floats(int n, Random random) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) random.nextGaussian();
        }
        return x;
    }
}
