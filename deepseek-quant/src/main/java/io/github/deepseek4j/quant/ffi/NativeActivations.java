package io.github.deepseek4j.quant.ffi;

import io.github.deepseek4j.quant.PreparedActivations;

import java.lang.foreign.MemorySegment;

/**
 * Activations as the native kernels read them, laid out as one weight type's kernel wants them (see
 * {@link Layout} and kernels.c: the segments are its {@code qx, dx, sx}). For the quantized types this is
 * llama.cpp's method: int8 {@code q} in [-127, 127] with one float scale {@code d = max|x| / 127} per
 * group of values; F16 and BF16 rows take the floats themselves. Heap arrays, viewed as segments once.
 */
final class NativeActivations extends PreparedActivations {

    /** How one weight type's native kernel reads the activations: the {@code qx, dx, sx} of kernels.c. */
    enum Layout {
        /**
         * llama.cpp's Q8_0 (Q8_0, Q4_1, Q5_0, Q5_1, IQ4_NL, and IQ4_XS, for which llama.cpp takes Q8_K):
         * int8 values, one scale per 32 values, and per 32 the float sum of the dequantized values (for the
         * types with a minimum).
         */
        BLOCKS_OF_32(32),
        /**
         * Q4_0: one scale per 32 as above, but the values of each pair of blocks (A, B) stored by halves
         * {@code [A0..15, B0..15, A16..31, B16..31]} and Q4_0's offset of -8 as integers
         * {@code [8 sum(qA), 0, 0, 0, 8 sum(qB), 0, 0, 0]}, so that the kernel unpacks two weight blocks
         * per register. An odd last block pairs with zeros.
         */
        PAIRED_BLOCKS_OF_32(32),
        /**
         * llama.cpp's Q8_K (the k-quants): one scale per 256 values and per 256 sixteen words of
         * sums: 8 floats, per 32 values the sum of the dequantized values (Q4_K's and Q5_K's minimums),
         * then 16 int16, per 16 values the sum of the int8 values (ggml's {@code bsums}: Q2_K's minimums,
         * Q3_K's and Q6_K's offsets).
         */
        SUPER_BLOCKS_OF_256(256),
        /** F16 and BF16: the float activations themselves, not copied. */
        FLOATS(1);

        private final int group;

        Layout(int group) {
            this.group = group;
        }

        /** Values that share one scale; lengths must be a multiple of it. */
        int group() {
            return group;
        }
    }

    private static final int BLOCK = 32;
    private static final int SUB_BLOCK = 16;

    private final Layout layout;
    private final byte[] q;
    private final float[] scales;
    final MemorySegment values;
    final MemorySegment scaleSegment;
    final MemorySegment sumSegment;

    /** @param n a multiple of {@code layout.group()} */
    NativeActivations(float[] x, int offset, int n, Layout layout) {
        super(x, offset, n);
        this.layout = layout;
        if (layout == Layout.FLOATS) {
            q = null;
            scales = null;
            values = MemorySegment.ofArray(x).asSlice(4L * offset, 4L * n);
            scaleSegment = values;
            sumSegment = values;
            return;
        }
        int group = layout.group();
        q = new byte[n];
        scales = new float[n / group];
        int[] subBlockSums = new int[n / SUB_BLOCK];
        for (int g = 0; g < scales.length; g++) {
            int from = g * group;
            float amax = 0;
            for (int i = 0; i < group; i++) {
                amax = Math.max(amax, Math.abs(x[offset + from + i]));
            }
            float d = amax / 127;
            float inverse = d == 0 ? 0 : 1 / d;
            for (int block = from; block < from + group; block += SUB_BLOCK) {
                int sum = 0;
                for (int i = block; i < block + SUB_BLOCK; i++) {
                    int v = (int) Math.rint(x[offset + i] * inverse); // half to even, as llama.cpp's AVX2 path
                    q[i] = (byte) v;
                    sum += v;
                }
                subBlockSums[block / SUB_BLOCK] = sum;
            }
            scales[g] = d;
        }
        scaleSegment = MemorySegment.ofArray(scales);
        int blocks = n / BLOCK;
        if (layout == Layout.PAIRED_BLOCKS_OF_32) {
            int pairs = (blocks + 1) / 2;
            byte[] paired = new byte[64 * pairs];
            int[] offsets = new int[8 * pairs];
            for (int b = 0; b < blocks; b++) {
                int at = b / 2;
                int half = b % 2;
                System.arraycopy(q, BLOCK * b, paired, 64 * at + 16 * half, 16);
                System.arraycopy(q, BLOCK * b + 16, paired, 64 * at + 32 + 16 * half, 16);
                offsets[8 * at + 4 * half] = 8 * (subBlockSums[2 * b] + subBlockSums[2 * b + 1]);
            }
            values = MemorySegment.ofArray(paired);
            sumSegment = MemorySegment.ofArray(offsets);
            return;
        }
        values = MemorySegment.ofArray(q);
        int wordsPerGroup = layout == Layout.SUPER_BLOCKS_OF_256 ? 16 : 1;
        int[] sums = new int[wordsPerGroup * scales.length];
        for (int b = 0; b < blocks; b++) {
            int word = b * BLOCK / group * wordsPerGroup + b % (group / BLOCK);
            int sum = subBlockSums[2 * b] + subBlockSums[2 * b + 1];
            sums[word] = Float.floatToRawIntBits(scales[b * BLOCK / group] * sum);
        }
        if (layout == Layout.SUPER_BLOCKS_OF_256) {
            for (int s = 0; s < subBlockSums.length; s += 2) { // two int16 per word, the first in the low half
                sums[s / 16 * 16 + 8 + s % 16 / 2] = subBlockSums[s] & 0xFFFF | subBlockSums[s + 1] << 16;
            }
        }
        sumSegment = MemorySegment.ofArray(sums);
    }

    Layout layout() {
        return layout;
    }

    /** What the native kernels multiply the weights with: {@code q * d}, or the floats themselves. */
    @Override
    public float[] effectiveValues() {
        if (layout == Layout.FLOATS) {
            return super.effectiveValues();
        }
        float[] v = new float[q.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = q[i] * scales[i / layout.group()];
        }
        return v;
    }
}
