package io.github.deepseek4j.arch.block;

/** A session's reusable buffers for {@link MixtureOfExperts}, grown to the largest batch seen. */
public final class MoeScratch {

    private final int embedding;
    private final int experts;
    private final int used;
    private final int width;
    private int capacity;

    float[] logits;    // [tokens, experts]
    int[] chosen;      // [tokens, used]
    float[] weights;   // [tokens, used]
    int[] slot;        // [tokens]: which (token, choice) each gathered row came from
    float[] gathered;  // [tokens, embedding]
    float[] gate;      // [tokens, width]
    float[] up;        // [tokens, width]
    float[] expertOut; // [tokens, embedding]
    final float[] probs;
    final float[] scores;

    public MoeScratch(MixtureOfExperts moe) {
        this.embedding = moe.router().inputs();
        this.experts = moe.routing().expertCount();
        this.used = moe.routing().used();
        this.width = moe.maxWidth();
        this.probs = new float[experts];
        this.scores = new float[experts];
    }

    /** Makes room for {@code tokens} tokens. */
    public void ensureCapacity(int tokens) {
        if (tokens <= capacity) {
            return;
        }
        capacity = tokens;
        logits = new float[tokens * experts];
        chosen = new int[tokens * used];
        weights = new float[tokens * used];
        slot = new int[tokens];
        gathered = new float[tokens * embedding];
        gate = new float[tokens * width];
        up = new float[tokens * width];
        expertOut = new float[tokens * embedding];
    }
}
