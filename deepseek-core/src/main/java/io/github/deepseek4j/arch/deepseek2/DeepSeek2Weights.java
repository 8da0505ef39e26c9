package io.github.deepseek4j.arch.deepseek2;

import io.github.deepseek4j.ModelFormatException;
import io.github.deepseek4j.arch.block.EmbeddingsAndHead;
import io.github.deepseek4j.arch.block.Linear;
import io.github.deepseek4j.arch.block.MixtureOfExperts;
import io.github.deepseek4j.arch.block.RmsNorm;
import io.github.deepseek4j.arch.block.SwiGluFeedForward;
import io.github.deepseek4j.arch.block.WeightSource;

import java.util.ArrayList;
import java.util.List;

import static io.github.deepseek4j.gguf.TensorName.*;

/** Every weight of a DeepSeek-V2/V3 model that runs (multi-token-prediction blocks are not loaded). */
record DeepSeek2Weights(EmbeddingsAndHead io, List<DeepSeek2Layer> layers) {

    static DeepSeek2Weights load(WeightSource source, DeepSeek2HyperParameters hp) throws ModelFormatException {
        EmbeddingsAndHead io = EmbeddingsAndHead.load(source, hp.embedding(), hp.vocabulary(), hp.rmsEps());
        List<DeepSeek2Layer> layers = new ArrayList<>(); // not presized: block_count is checked only as its tensors load
        for (int i = 0; i < hp.layers(); i++) {
            layers.add(loadLayer(source, hp, i));
        }
        return new DeepSeek2Weights(io, List.copyOf(layers));
    }

    private static DeepSeek2Layer loadLayer(WeightSource s, DeepSeek2HyperParameters hp, int layer)
            throws ModelFormatException {
        int e = hp.embedding();
        int heads = hp.heads();
        int rank = hp.kvLoraRank();
        int qWidth = heads * hp.queryHeadDim();
        Linear qA = null;
        RmsNorm qANorm = null;
        Linear q;
        if (hp.qLoraRank() > 0) {
            qA = s.linear(ATTN_Q_A.weight(layer), e, hp.qLoraRank());
            qANorm = new RmsNorm(s.vector(ATTN_Q_A_NORM.weight(layer), hp.qLoraRank()), hp.rmsEps());
            q = s.linear(ATTN_Q_B.weight(layer), hp.qLoraRank(), qWidth);
        } else {
            q = s.linear(ATTN_Q.weight(layer), e, qWidth);
        }
        KeyAbsorption keys;
        Linear[] values;
        if (hp.mlaLayout()) {
            keys = KeyAbsorption.fromKeyB(s.stacked(ATTN_K_B.weight(layer), hp.nopeDims(), rank, heads));
            values = s.stacked(ATTN_V_B.weight(layer), rank, hp.valueDim(), heads);
        } else {
            int perHead = hp.nopeDims() + hp.valueDim();
            Linear kvB = s.linear(ATTN_KV_B.weight(layer), rank, heads * perHead);
            keys = KeyAbsorption.fromKvB(kvB, hp.nopeDims(), hp.valueDim());
            values = new Linear[heads];
            for (int h = 0; h < heads; h++) {
                values[h] = kvB.rows(h * perHead + hp.nopeDims(), hp.valueDim());
            }
        }
        boolean dense = layer < hp.leadingDenseLayers();
        return new DeepSeek2Layer(
                new RmsNorm(s.vector(ATTN_NORM.weight(layer), e), hp.rmsEps()), qA, qANorm, q,
                s.linear(ATTN_KV_A_MQA.weight(layer), e, hp.latentWidth()),
                new RmsNorm(s.vector(ATTN_KV_A_NORM.weight(layer), rank), hp.rmsEps()),
                keys, values,
                s.linear(ATTN_OUTPUT.weight(layer), heads * hp.valueDim(), e),
                new RmsNorm(s.vector(FFN_NORM.weight(layer), e), hp.rmsEps()),
                dense ? s.feedForward(layer, e, hp.feedForward()) : null,
                dense ? null : loadMoe(s, hp, layer));
    }

    private static MixtureOfExperts loadMoe(WeightSource s, DeepSeek2HyperParameters hp, int layer)
            throws ModelFormatException {
        int e = hp.embedding();
        int n = hp.routing().expertCount();
        int width = hp.expertFeedForward();
        Linear[] gate = s.stacked(FFN_GATE_EXPS.weight(layer), e, width, n);
        Linear[] up = s.stacked(FFN_UP_EXPS.weight(layer), e, width, n);
        Linear[] down = s.stacked(FFN_DOWN_EXPS.weight(layer), width, e, n);
        SwiGluFeedForward[] experts = new SwiGluFeedForward[n];
        for (int i = 0; i < n; i++) {
            experts[i] = new SwiGluFeedForward(gate[i], up[i], down[i]);
        }
        SwiGluFeedForward shared = hp.sharedExperts() > 0
                ? s.sharedExperts(layer, e, width * hp.sharedExperts()) : null;
        return new MixtureOfExperts(s.linear(FFN_GATE_INP.weight(layer), e, n),
                s.optionalVector(FFN_EXP_PROBS_B.bias(layer), n).orElse(null), hp.routing(), experts, shared);
    }
}
