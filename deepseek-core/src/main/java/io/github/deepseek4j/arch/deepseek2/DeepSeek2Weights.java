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

/** Every weight of a DeepSeek-V2/V3 model that runs (multi-token-prediction blocks are not loaded). */
record DeepSeek2Weights(EmbeddingsAndHead io, List<DeepSeek2Layer> layers) {

    static DeepSeek2Weights load(WeightSource source, DeepSeek2HyperParameters hp) throws ModelFormatException {
        EmbeddingsAndHead io = EmbeddingsAndHead.load(source, hp.embedding(), hp.vocabulary(), hp.rmsEps());
        List<DeepSeek2Layer> layers = new ArrayList<>(); // not presized: block_count is checked only as its tensors load
        for (int i = 0; i < hp.layers(); i++) {
            layers.add(loadLayer(source, hp, i, "blk." + i + "."));
        }
        return new DeepSeek2Weights(io, List.copyOf(layers));
    }

    private static DeepSeek2Layer loadLayer(WeightSource s, DeepSeek2HyperParameters hp, int index, String p)
            throws ModelFormatException {
        int e = hp.embedding();
        int heads = hp.heads();
        int rank = hp.kvLoraRank();
        int qWidth = heads * hp.queryHeadDim();
        Linear qA = null;
        RmsNorm qANorm = null;
        Linear q;
        if (hp.qLoraRank() > 0) {
            qA = s.linear(p + "attn_q_a.weight", e, hp.qLoraRank());
            qANorm = new RmsNorm(s.vector(p + "attn_q_a_norm.weight", hp.qLoraRank()), hp.rmsEps());
            q = s.linear(p + "attn_q_b.weight", hp.qLoraRank(), qWidth);
        } else {
            q = s.linear(p + "attn_q.weight", e, qWidth);
        }
        KeyAbsorption keys;
        Linear[] values;
        if (hp.mlaLayout()) {
            keys = KeyAbsorption.fromKeyB(s.stacked(p + "attn_k_b.weight", hp.nopeDims(), rank, heads));
            values = s.stacked(p + "attn_v_b.weight", rank, hp.valueDim(), heads);
        } else {
            int perHead = hp.nopeDims() + hp.valueDim();
            Linear kvB = s.linear(p + "attn_kv_b.weight", rank, heads * perHead);
            keys = KeyAbsorption.fromKvB(kvB, hp.nopeDims(), hp.valueDim());
            values = new Linear[heads];
            for (int h = 0; h < heads; h++) {
                values[h] = kvB.rows(h * perHead + hp.nopeDims(), hp.valueDim());
            }
        }
        boolean dense = index < hp.leadingDenseLayers();
        return new DeepSeek2Layer(
                new RmsNorm(s.vector(p + "attn_norm.weight", e), hp.rmsEps()), qA, qANorm, q,
                s.linear(p + "attn_kv_a_mqa.weight", e, hp.latentWidth()),
                new RmsNorm(s.vector(p + "attn_kv_a_norm.weight", rank), hp.rmsEps()),
                keys, values,
                s.linear(p + "attn_output.weight", heads * hp.valueDim(), e),
                new RmsNorm(s.vector(p + "ffn_norm.weight", e), hp.rmsEps()),
                dense ? s.feedForward(p, "", e, hp.feedForward()) : null,
                dense ? null : loadMoe(s, hp, p));
    }

    private static MixtureOfExperts loadMoe(WeightSource s, DeepSeek2HyperParameters hp, String p)
            throws ModelFormatException {
        int e = hp.embedding();
        int n = hp.routing().expertCount();
        int width = hp.expertFeedForward();
        Linear[] gate = s.stacked(p + "ffn_gate_exps.weight", e, width, n);
        Linear[] up = s.stacked(p + "ffn_up_exps.weight", e, width, n);
        Linear[] down = s.stacked(p + "ffn_down_exps.weight", width, e, n);
        SwiGluFeedForward[] experts = new SwiGluFeedForward[n];
        for (int i = 0; i < n; i++) {
            experts[i] = new SwiGluFeedForward(gate[i], up[i], down[i]);
        }
        SwiGluFeedForward shared = hp.sharedExperts() > 0
                ? s.feedForward(p, "_shexp", e, width * hp.sharedExperts()) : null;
        return new MixtureOfExperts(s.linear(p + "ffn_gate_inp.weight", e, n),
                s.optionalVector(p + "exp_probs_b.bias", n).orElse(null), hp.routing(), experts, shared);
    }
}
