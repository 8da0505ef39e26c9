package io.github.deepseek4j.arch.block;

import io.github.deepseek4j.quant.RowParallel;

/** {@code SwiGLU(x) = W_down · (silu(W_gate·x) ⊙ (W_up·x))}: a dense FFN, an expert, or a shared expert. */
public record SwiGluFeedForward(Linear gate, Linear up, Linear down) {

    /** The hidden width (rows of gate and up). */
    public int width() {
        return gate.outputs();
    }

    /**
     * {@code out[t] = SwiGLU(x[t])} for {@code tokens} rows.
     *
     * @param gateScratch, upScratch at least {@code tokens * width()} floats
     */
    public void apply(float[] x, int tokens, float[] gateScratch, float[] upScratch, float[] out, RowParallel parallel) {
        gate.apply(x, tokens, gateScratch, parallel);
        up.apply(x, tokens, upScratch, parallel);
        SwiGlu.gate(gateScratch, upScratch, tokens * width());
        down.apply(gateScratch, tokens, out, parallel);
    }
}
