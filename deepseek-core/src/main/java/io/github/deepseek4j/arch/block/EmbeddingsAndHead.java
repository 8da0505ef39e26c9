package io.github.deepseek4j.arch.block;

import io.github.deepseek4j.ModelFormatException;
import io.github.deepseek4j.gguf.TensorName;
import io.github.deepseek4j.quant.RowParallel;

/**
 * Where tokens enter and logits leave: {@code token_embd} rows in, {@code output · RMSNorm(x, output_norm)} out.
 * {@code output} is {@code token_embd} itself when the model ties its embeddings (no {@code output.weight}).
 */
public record EmbeddingsAndHead(Linear tokenEmbedding, RmsNorm outputNorm, Linear output) {

    public static EmbeddingsAndHead load(WeightSource source, int embedding, int vocabulary, float rmsEps)
            throws ModelFormatException {
        Linear tokens = source.linear(TensorName.TOKEN_EMBD.weight(), embedding, vocabulary);
        return new EmbeddingsAndHead(tokens,
                new RmsNorm(source.vector(TensorName.OUTPUT_NORM.weight(), embedding), rmsEps),
                source.optionalLinear(TensorName.OUTPUT.weight(), embedding, vocabulary).orElse(tokens));
    }

    /** inp_embd [n, embedding]: the rows of {@code tokens[offset .. offset+n)} into {@code x}. */
    public void embed(int[] tokens, int offset, int n, float[] x) {
        int e = tokenEmbedding.inputs();
        for (int t = 0; t < n; t++) {
            tokenEmbedding.row(tokens[offset + t], x, t * e);
        }
    }

    /**
     * result_output [rows, vocabulary] for the last of {@code n} rows of {@code x}, or for all of them
     * ({@code allRows}); {@code scratch} holds the normed rows.
     */
    public void logits(float[] x, int n, boolean allRows, float[] scratch, float[] logits, RowParallel parallel) {
        if (allRows) {
            outputNorm.apply(x, scratch, n);
            output.apply(scratch, n, logits, parallel);
        } else {
            outputNorm.apply(x, (n - 1) * tokenEmbedding.inputs(), scratch, 0);
            output.apply(scratch, 1, logits, parallel);
        }
    }
}
