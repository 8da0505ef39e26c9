package io.github.deepseek4j.arch.block;

/**
 * Rotary position embedding over the first {@code n_rot} values of each head vector.
 *
 * <p>Pair {@code j} (starting at {@code i0 = 2j}) turns by {@code theta = pos * frequency[j]}. Plain
 * rope uses {@code base^(-i0/n_rot)}; YaRN blends interpolated and extrapolated frequencies per pair,
 * which is again a fixed frequency per pair, so both share one rotation. Angles are computed in double
 * once per token and shared by every head and layer. Immutable.
 */
public final class Rope {

    private static final double YARN_BETA_FAST = 32;
    private static final double YARN_BETA_SLOW = 1;

    private final RopeStyle style;
    private final int nRot;
    private final double[] frequency; // [n_rot / 2]
    private final double magnitude;

    private Rope(RopeStyle style, int nRot, double[] frequency, double magnitude) {
        this.style = style;
        this.nRot = nRot;
        this.frequency = frequency;
        this.magnitude = magnitude;
    }

    /** Plain rope: {@code theta = pos * base^(-i0/n_rot)}. */
    public static Rope standard(RopeStyle style, int nRot, double base) {
        return linear(style, nRot, base, 1);
    }

    /** Linear position interpolation: {@code theta = pos / factor * base^(-i0/n_rot)}. */
    public static Rope linear(RopeStyle style, int nRot, double base, double factor) {
        checkDims(nRot, base);
        if (!(factor > 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("rope scaling factor must be positive, got " + factor);
        }
        double[] f = new double[nRot / 2];
        for (int j = 0; j < f.length; j++) {
            f[j] = Math.pow(base, -(2.0 * j) / nRot) / factor;
        }
        return new Rope(style, nRot, f, 1);
    }

    /**
     * YaRN: interpolated by {@code 1/factor} for slow pairs, extrapolated for fast ones, with a linear
     * ramp between the correction dimensions of {@code beta_fast = 32} and {@code beta_slow = 1}.
     */
    public static Rope yarn(RopeStyle style, int nRot, double base, double factor, int originalContextLength) {
        checkDims(nRot, base);
        double freqScale = 1.0 / factor;
        double low = Math.max(0, Math.floor(correctionDim(nRot, base, originalContextLength, YARN_BETA_FAST)));
        double high = Math.min(nRot - 1, Math.ceil(correctionDim(nRot, base, originalContextLength, YARN_BETA_SLOW)));
        double[] f = new double[nRot / 2];
        for (int j = 0; j < f.length; j++) {
            double extrapolated = Math.pow(base, -(2.0 * j) / nRot);
            double ramp = 1 - Math.clamp((j - low) / Math.max(0.001, high - low), 0.0, 1.0);
            f[j] = extrapolated * (freqScale * (1 - ramp) + ramp);
        }
        return new Rope(style, nRot, f, 1);
    }

    /**
     * This rope with every rotated value multiplied by {@code magnitude} (YaRN's {@code mscale} where the
     * architecture applies it to q and k rather than to the attention scale).
     */
    public Rope withMagnitude(double magnitude) {
        return new Rope(style, nRot, frequency, magnitude);
    }

    /**
     * This rope with pair {@code j}'s frequency divided by {@code factors[j]} (GGUF {@code rope_freqs.weight},
     * how Llama 3.1 files carry their long-context frequency adjustment).
     */
    public Rope withFrequencyFactors(float[] factors) {
        if (factors.length != frequency.length) {
            throw new IllegalArgumentException(factors.length + " frequency factors for " + frequency.length + " pairs");
        }
        double[] f = frequency.clone();
        for (int j = 0; j < f.length; j++) {
            if (!(factors[j] > 0)) {
                throw new IllegalArgumentException("frequency factor " + j + " = " + factors[j] + " is not positive");
            }
            f[j] /= factors[j];
        }
        return new Rope(style, nRot, f, magnitude);
    }

    private static double correctionDim(int nRot, double base, int nCtxOrig, double rotations) {
        return nRot * Math.log(nCtxOrig / (2 * Math.PI * rotations)) / (2 * Math.log(base));
    }

    private static void checkDims(int nRot, double base) {
        if (nRot <= 0 || nRot % 2 != 0) {
            throw new IllegalArgumentException("rope dimension count must be a positive even number, got " + nRot);
        }
        if (!(base > 1)) {
            throw new IllegalArgumentException("rope frequency base must be > 1, got " + base);
        }
    }

    public int dimensions() {
        return nRot;
    }

    /** Values {@link #angles} writes per position. */
    public int pairs() {
        return nRot / 2;
    }

    /** Writes cos and sin of each pair's angle at {@code pos} to {@code [offset, offset + pairs())}. */
    public void angles(int pos, float[] cos, float[] sin, int offset) {
        for (int j = 0; j < frequency.length; j++) {
            double theta = pos * frequency[j];
            cos[offset + j] = (float) (Math.cos(theta) * magnitude);
            sin[offset + j] = (float) (Math.sin(theta) * magnitude);
        }
    }

    /**
     * cos and sin of each pair's angle for a move of {@code delta} positions, without magnitude: rotating an
     * already rotated vector by them gives the vector rotated for its new position (angles add up).
     */
    public void shiftAngles(int delta, float[] cos, float[] sin) {
        for (int j = 0; j < frequency.length; j++) {
            double theta = delta * frequency[j];
            cos[j] = (float) Math.cos(theta);
            sin[j] = (float) Math.sin(theta);
        }
    }

    /** Rotates the head vector at {@code x[offset..]} by angles written by {@link #angles} at {@code angleOffset}. */
    public void rotate(float[] x, int offset, float[] cos, float[] sin, int angleOffset) {
        int half = nRot / 2;
        for (int j = 0; j < half; j++) {
            int a = style == RopeStyle.NORMAL ? offset + 2 * j : offset + j;
            int b = style == RopeStyle.NORMAL ? a + 1 : a + half;
            float c = cos[angleOffset + j];
            float s = sin[angleOffset + j];
            float xa = x[a];
            float xb = x[b];
            x[a] = xa * c - xb * s;
            x[b] = xa * s + xb * c;
        }
    }
}
