package io.github.deepseek4j.arch.block;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MoeRoutingTest {

    private final float[] probs = new float[8];
    private final float[] scores = new float[8];

    private int[] route(MoeRouting routing, float[] logits, float[] bias, float[] weights) {
        int[] chosen = new int[routing.used()];
        routing.route(logits, 0, bias, chosen, weights, 0, probs, scores);
        return chosen;
    }

    @Test
    void softmaxPicksTheLargestAndWeighsByProbability() {
        MoeRouting r = new MoeRouting(ExpertGating.SOFTMAX, 4, 2, false, 1, 0, 0);
        float[] w = new float[2];
        int[] chosen = route(r, new float[] {0, 2, 1, -1}, null, w);
        assertThat(chosen).containsExactly(1, 2);
        double z = 1 + Math.exp(2) + Math.exp(1) + Math.exp(-1);
        assertThat(w[0]).isCloseTo((float) (Math.exp(2) / z), within(1e-6f));
        assertThat(w[1]).isCloseTo((float) (Math.exp(1) / z), within(1e-6f));
    }

    @Test
    void selectionBiasChoosesButDoesNotWeigh() {
        MoeRouting r = new MoeRouting(ExpertGating.SIGMOID, 4, 1, true, 2.5f, 0, 0);
        float[] w = new float[1];
        int[] chosen = route(r, new float[] {3, 0, 0, 0}, new float[] {0, 0, 0, 5}, w);
        assertThat(chosen).containsExactly(3);
        assertThat(w[0]).isCloseTo(2.5f, within(1e-6f)); // normalized over one expert, then scaled
        MoeRouting unnormalized = new MoeRouting(ExpertGating.SIGMOID, 4, 1, false, 1, 0, 0);
        route(unnormalized, new float[] {3, 0, 0, 0}, new float[] {0, 0, 0, 5}, w);
        assertThat(w[0]).isCloseTo(0.5f, within(1e-6f)); // sigmoid(0), not biased
    }

    @Test
    void groupLimitKeepsTheBestGroupsByTheirTwoBestScores() {
        // 8 experts in 4 groups of 2; group sums: g0 = 0.9+0.0, g1 = 0.5+0.5, g2 = 0.8+0.3, g3 = 0.1+0.1
        MoeRouting r = new MoeRouting(ExpertGating.SIGMOID, 8, 3, false, 1, 4, 2);
        float[] bias = {0.9f, 0, 0.5f, 0.5f, 0.8f, 0.3f, 0.1f, 0.1f};
        float[] logits = new float[8]; // sigmoid(0) = 0.5 everywhere: the bias decides
        int[] chosen = route(r, logits, bias, new float[3]);
        // best groups: g2 (1.1) and g1 (1.0); g0 (0.9) is out although expert 0 scores highest
        assertThat(chosen).containsExactly(4, 2, 3);
    }
}
