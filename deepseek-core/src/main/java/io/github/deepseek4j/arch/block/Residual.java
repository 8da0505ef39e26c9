package io.github.deepseek4j.arch.block;

/** Residual connections: {@code x += y}. */
public final class Residual {

    private Residual() {
    }

    /** {@code x[i] += y[i]} for {@code i < n}. */
    public static void add(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) {
            x[i] += y[i];
        }
    }
}
