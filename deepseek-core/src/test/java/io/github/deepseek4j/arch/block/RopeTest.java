package io.github.deepseek4j.arch.block;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RopeTest {

    private static float[] rotated(Rope rope, int pos, float... x) {
        float[] cos = new float[rope.pairs()];
        float[] sin = new float[rope.pairs()];
        rope.angles(pos, cos, sin, 0);
        float[] out = x.clone();
        rope.rotate(out, 0, cos, sin, 0);
        return out;
    }

    @Test
    void normalRopeTurnsAdjacentPairs() {
        // n_rot 4, base 100: pair 0 turns by pos, pair 1 (i0 = 2) by pos * 100^(-1/2) = pos / 10
        float[] out = rotated(Rope.standard(RopeStyle.NORMAL, 4, 100), 3, 1, 0, 0, 1, 7);
        assertThat(out[0]).isCloseTo((float) Math.cos(3), within(1e-6f));
        assertThat(out[1]).isCloseTo((float) Math.sin(3), within(1e-6f));
        assertThat(out[2]).isCloseTo((float) -Math.sin(0.3), within(1e-6f));
        assertThat(out[3]).isCloseTo((float) Math.cos(0.3), within(1e-6f));
        assertThat(out[4]).isEqualTo(7); // beyond n_rot: untouched
    }

    @Test
    void neoxRopeTurnsHalves() {
        // pairs (0, 2) and (1, 3)
        float[] out = rotated(Rope.standard(RopeStyle.NEOX, 4, 100), 3, 1, 0, 0, 1);
        assertThat(out[0]).isCloseTo((float) Math.cos(3), within(1e-6f));
        assertThat(out[2]).isCloseTo((float) Math.sin(3), within(1e-6f));
        assertThat(out[1]).isCloseTo((float) -Math.sin(0.3), within(1e-6f));
        assertThat(out[3]).isCloseTo((float) Math.cos(0.3), within(1e-6f));
    }

    @Test
    void yarnExtrapolatesFastPairsAndInterpolatesSlowOnes() {
        Rope plain = Rope.standard(RopeStyle.NORMAL, 32, 10000);
        Rope yarn = Rope.yarn(RopeStyle.NORMAL, 32, 10000, 40, 4096);
        float[] p = rotated(plain, 1000, ones(32));
        float[] y = rotated(yarn, 1000, ones(32));
        // the fastest pair is below the low correction dimension: unchanged
        assertThat(y[0]).isEqualTo(p[0]);
        // the slowest pair is fully interpolated: angle / 40
        double slow = 1000 * Math.pow(10000, -30.0 / 32) / 40;
        assertThat(y[30]).isCloseTo((float) (Math.cos(slow) - Math.sin(slow)), within(1e-5f));
    }

    @Test
    void linearScalingDividesAnglesAndMagnitudeScalesValues() {
        float[] out = rotated(Rope.linear(RopeStyle.NORMAL, 2, 100, 4).withMagnitude(2), 8, 1, 0);
        assertThat(out[0]).isCloseTo((float) (2 * Math.cos(2)), within(1e-6f));
        assertThat(out[1]).isCloseTo((float) (2 * Math.sin(2)), within(1e-6f));
    }

    private static float[] ones(int n) {
        float[] x = new float[n];
        java.util.Arrays.fill(x, 1);
        return x;
    }
}
