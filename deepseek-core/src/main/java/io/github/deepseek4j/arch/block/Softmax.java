package io.github.deepseek4j.arch.block;

/** Numerically stable softmax in place. */
public final class Softmax {

    private Softmax() {
    }

    /** {@code x[offset .. offset+n)} becomes {@code exp(x - max) / sum}. */
    public static void inPlace(float[] x, int offset, int n) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, x[offset + i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            float e = (float) Math.exp(x[offset + i] - max);
            x[offset + i] = e;
            sum += e;
        }
        float inv = (float) (1.0 / sum);
        for (int i = 0; i < n; i++) {
            x[offset + i] *= inv;
        }
    }
}
