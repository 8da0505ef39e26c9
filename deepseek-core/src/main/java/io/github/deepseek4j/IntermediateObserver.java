package io.github.deepseek4j;

/**
 * Sees each named intermediate of a forward pass, under llama.cpp's names, so a numeric difference can be traced
 * to the first step where it appears. Called on the forward thread; {@code values} is a reused buffer, valid only
 * during the call, holding {@code tokens} rows of {@code width} values. The points, in order:
 * <ul>
 *   <li>{@code inp_embd} (layer -1): the token embeddings;</li>
 *   <li>per block, llama, qwen2, qwen3: {@code attn_norm}, {@code Qcur}, {@code Kcur}, {@code Vcur} (after rope),
 *       {@code kqv_out}, {@code ffn_inp}, {@code ffn_out}, {@code l_out};</li>
 *   <li>per block, deepseek2: {@code attn_norm}, {@code q} (after rope), {@code kv_cmpr_pe} (the cached latent),
 *       {@code kqv_out}, {@code ffn_inp}; in a mixture-of-experts block {@code ffn_moe_out} (the routed experts'
 *       weighted sum) and, when the model has shared experts, {@code ffn_shexp} (their output), which add up to
 *       {@code ffn_out}; then {@code ffn_out}, {@code l_out};</li>
 *   <li>{@code result_output} (layer -1): the logits the pass computed (none for a batch that wants none).</li>
 * </ul>
 */
@FunctionalInterface
public interface IntermediateObserver {

    /** @param layer the block index, or -1 for values outside the blocks (embeddings, output) */
    void observe(int layer, String name, float[] values, int tokens, int width);
}
