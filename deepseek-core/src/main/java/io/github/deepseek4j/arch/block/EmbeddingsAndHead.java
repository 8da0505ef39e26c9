package io.github.deepseek4j.arch.block;

import io.github.deepseek4j.IntermediateObserver;
import io.github.deepseek4j.ModelFormatException;
import io.github.deepseek4j.arch.Batch;
import io.github.deepseek4j.arch.LogitsTarget;
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

    /** inp_embd [n, embedding]: the rows of the batch's tokens into {@code x}. */
    public void embed(Batch batch, float[] x) {
        int e = tokenEmbedding.inputs();
        for (int t = 0; t < batch.count(); t++) {
            tokenEmbedding.row(batch.token(t), x, t * e);
        }
    }

    /**
     * result_output [rows, vocabulary] of the {@code n} rows of {@code x}, the rows {@code target} asks for (none
     * skips the head), shown to {@code observer}; {@code scratch} holds the normed rows.
     */
    public void logits(float[] x, int n, LogitsTarget target, float[] scratch, RowParallel parallel,
                       IntermediateObserver observer) {
        if (!target.wanted()) {
            return;
        }
        if (target.allRows()) {
            outputNorm.apply(x, scratch, n);
            output.apply(scratch, n, target.values(), parallel);
        } else {
            outputNorm.apply(x, (n - 1) * tokenEmbedding.inputs(), scratch, 0);
            output.apply(scratch, 1, target.values(), parallel);
        }
        observer.observe(-1, "result_output", target.values(), target.rows(n), output.outputs());
    }
}
