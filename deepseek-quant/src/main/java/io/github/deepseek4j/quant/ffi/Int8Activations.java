package io.github.deepseek4j.quant.ffi;

import io.github.deepseek4j.quant.PreparedActivations;

import java.lang.foreign.MemorySegment;

/**
 * Activations as the native kernels read them (llama.cpp's Q8_0 activations, with a float scale): per
 * 32 values, int8 {@code q} in [-127, 127] with scale {@code d = max|x| / 127}, and the sum of the
 * dequantized values {@code d * sum(q)}. Three heap arrays, viewed as segments once.
 */
final class Int8Activations extends PreparedActivations {

    static final int BLOCK = 32;

    private final byte[] q;
    private final float[] scales;
    final MemorySegment values;
    final MemorySegment scaleSegment;
    final MemorySegment sumSegment;

    /** @param n a multiple of 32 */
    Int8Activations(float[] x, int offset, int n) {
        super(x, offset, n);
        int blocks = n / BLOCK;
        q = new byte[n];
        scales = new float[blocks];
        float[] sums = new float[blocks];
        for (int b = 0; b < blocks; b++) {
            int from = offset + b * BLOCK;
            float amax = 0;
            for (int i = 0; i < BLOCK; i++) {
                amax = Math.max(amax, Math.abs(x[from + i]));
            }
            float d = amax / 127;
            float inverse = d == 0 ? 0 : 1 / d;
            int sum = 0;
            for (int i = 0; i < BLOCK; i++) {
                int v = (int) Math.rint(x[from + i] * inverse); // half to even, as llama.cpp's AVX2 path
                q[b * BLOCK + i] = (byte) v;
                sum += v;
            }
            scales[b] = d;
            sums[b] = d * sum;
        }
        values = MemorySegment.ofArray(q);
        scaleSegment = MemorySegment.ofArray(scales);
        sumSegment = MemorySegment.ofArray(sums);
    }

    /** {@code q * d}: what the native kernels multiply the weights with. */
    @Override
    public float[] effectiveValues() {
        float[] v = new float[q.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = q[i] * scales[i / BLOCK];
        }
        return v;
    }
}
