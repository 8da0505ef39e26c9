package io.github.deepseek4j.quant.ffi;

import io.github.deepseek4j.quant.PreparedActivations;

import java.lang.foreign.MemorySegment;

/**
 * Activations as the native kernels read them (llama.cpp's method): int8 {@code q} in [-127, 127] with
 * one float scale {@code d = max|x| / 127} per group of values, laid out as one weight type's kernel
 * wants them (see {@link Layout} and kernels.c). Heap arrays, viewed as segments once.
 */
final class Int8Activations extends PreparedActivations {

    /** How one weight type's native kernel reads the activations: the {@code qx, dx, sx} of kernels.c. */
    enum Layout {
        /** Q8_0: int8 values, one scale per 32 values. */
        BLOCKS_OF_32(32),
        /**
         * Q4_0: one scale per 32 as above, but the values of each pair of blocks (A, B) stored by halves
         * {@code [A0..15, B0..15, A16..31, B16..31]} and Q4_0's offset of -8 as integers
         * {@code [8 sum(qA), 0, 0, 0, 8 sum(qB), 0, 0, 0]}, so that the kernel unpacks two weight blocks
         * per register. An odd last block pairs with zeros.
         */
        PAIRED_BLOCKS_OF_32(32),
        /** Q4_K: one scale per 256 values (llama.cpp's Q8_K) and per 32 the sum of the dequantized values. */
        SUPER_BLOCKS_OF_256(256);

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

    private final Layout layout;
    private final byte[] q;
    private final float[] scales;
    final MemorySegment values;
    final MemorySegment scaleSegment;
    final MemorySegment sumSegment;

    /** @param n a multiple of {@code layout.group()} */
    Int8Activations(float[] x, int offset, int n, Layout layout) {
        super(x, offset, n);
        this.layout = layout;
        int group = layout.group();
        q = new byte[n];
        scales = new float[n / group];
        int[] blockSums = new int[n / BLOCK];
        for (int g = 0; g < scales.length; g++) {
            int from = g * group;
            float amax = 0;
            for (int i = 0; i < group; i++) {
                amax = Math.max(amax, Math.abs(x[offset + from + i]));
            }
            float d = amax / 127;
            float inverse = d == 0 ? 0 : 1 / d;
            for (int block = from; block < from + group; block += BLOCK) {
                int sum = 0;
                for (int i = block; i < block + BLOCK; i++) {
                    int v = (int) Math.rint(x[offset + i] * inverse); // half to even, as llama.cpp's AVX2 path
                    q[i] = (byte) v;
                    sum += v;
                }
                blockSums[block / BLOCK] = sum;
            }
            scales[g] = d;
        }
        if (layout == Layout.PAIRED_BLOCKS_OF_32) {
            int pairs = (blockSums.length + 1) / 2;
            byte[] paired = new byte[64 * pairs];
            int[] offsets = new int[8 * pairs];
            for (int b = 0; b < blockSums.length; b++) {
                int at = b / 2;
                int half = b % 2;
                System.arraycopy(q, BLOCK * b, paired, 64 * at + 16 * half, 16);
                System.arraycopy(q, BLOCK * b + 16, paired, 64 * at + 32 + 16 * half, 16);
                offsets[8 * at + 4 * half] = 8 * blockSums[b];
            }
            values = MemorySegment.ofArray(paired);
            sumSegment = MemorySegment.ofArray(offsets);
        } else {
            float[] sums = new float[blockSums.length];
            for (int b = 0; b < sums.length; b++) {
                sums[b] = scales[b * BLOCK / group] * blockSums[b];
            }
            values = MemorySegment.ofArray(q);
            sumSegment = MemorySegment.ofArray(sums);
        }
        scaleSegment = MemorySegment.ofArray(scales);
    }

    Layout layout() {
        return layout;
    }

    /** {@code q * d}: what the native kernels multiply the weights with. */
    @Override
    public float[] effectiveValues() {
        float[] v = new float[q.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = q[i] * scales[i / layout.group()];
        }
        return v;
    }
}
