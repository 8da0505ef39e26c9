package io.github.deepseek4j;

/**
 * Sees each named intermediate of a forward pass (llama.cpp's names: {@code attn_norm}, {@code Qcur},
 * {@code kqv_out}, {@code ffn_out}, {@code l_out}, {@code result_norm}, ...), so a numeric difference can be
 * traced to the first step where it appears. Called on the forward thread; {@code values} is a reused buffer,
 * valid only during the call, holding {@code tokens} rows of {@code width} values.
 */
@FunctionalInterface
public interface IntermediateObserver {

    /** @param layer the block index, or -1 for values outside the blocks (embeddings, output) */
    void observe(int layer, String name, float[] values, int tokens, int width);
}
