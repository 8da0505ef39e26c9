package io.github.deepseek4j.arch.block;

/** {@code RMSNorm(x, w) = x / sqrt(mean(x^2) + eps) * w} over rows of {@code w.length} values. Immutable. */
public final class RmsNorm {

    private final float[] weight;
    private final float eps;

    public RmsNorm(float[] weight, float eps) {
        this.weight = weight.clone();
        this.eps = eps;
    }

    public int width() {
        return weight.length;
    }

    /** Normalizes {@code rows} consecutive rows of {@code x} into {@code out} (which may be {@code x}). */
    public void apply(float[] x, float[] out, int rows) {
        for (int r = 0; r < rows; r++) {
            apply(x, r * weight.length, out, r * weight.length);
        }
    }

    /** Normalizes the row at {@code x[xOffset..]} into {@code out[outOffset..]} (which may overlap exactly). */
    public void apply(float[] x, int xOffset, float[] out, int outOffset) {
        int n = weight.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += (double) x[xOffset + i] * x[xOffset + i];
        }
        float scale = (float) (1.0 / Math.sqrt(sum / n + eps));
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = x[xOffset + i] * scale * weight[i];
        }
    }
}
