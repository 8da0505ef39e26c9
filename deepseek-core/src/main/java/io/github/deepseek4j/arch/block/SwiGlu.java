package io.github.deepseek4j.arch.block;

/** The gating half of {@code SwiGLU(x) = W_down · (silu(W_gate·x) ⊙ (W_up·x))}. */
public final class SwiGlu {

    private SwiGlu() {
    }

    /** {@code gate[i] = silu(gate[i]) * up[i]} for {@code i < n}; {@code silu(z) = z / (1 + e^-z)}. */
    public static void gate(float[] gate, float[] up, int n) {
        for (int i = 0; i < n; i++) {
            float g = gate[i];
            gate[i] = g / (1.0f + (float) Math.exp(-g)) * up[i];
        }
    }
}
