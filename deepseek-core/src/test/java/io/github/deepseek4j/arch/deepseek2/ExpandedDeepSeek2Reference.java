package io.github.deepseek4j.arch.deepseek2;

import io.github.deepseek4j.gguf.GgufFile;
import io.github.deepseek4j.gguf.GgufMetadata;
import io.github.deepseek4j.quant.KernelBackends;
import io.github.deepseek4j.tensor.Tensor;
import io.github.deepseek4j.testing.Float64;

import java.util.ArrayList;
import java.util.List;

/**
 * A straightforward float64 deepseek2 forward pass with EXPANDED attention: per-head keys
 * {@code [W_UK_h·c | k_pe]} and values {@code W_UV_h·c} are cached and attended as in ordinary multi-head
 * attention, written from architectures.md for tests (independent of the engine's absorbed form).
 */
final class ExpandedDeepSeek2Reference {

    private final GgufFile f;
    private final String a;
    private final int e, layers, heads, rope, rank, qLora, nope, vdim, leading, nExp, used;
    private final double eps, kqScale, scale;
    private final double[] freq;
    private final boolean sigmoid, norm, mla;

    ExpandedDeepSeek2Reference(GgufFile file) throws Exception {
        f = file;
        GgufMetadata m = f.metadata();
        a = m.getString("general.architecture") + ".";
        e = m.getInt(a + "embedding_length");
        layers = m.getInt(a + "block_count") - m.getInt(a + "nextn_predict_layers", 0);
        heads = m.getInt(a + "attention.head_count");
        rope = m.getInt(a + "rope.dimension_count");
        rank = m.getInt(a + "attention.kv_lora_rank");
        qLora = m.getInt(a + "attention.q_lora_rank", 0);
        mla = m.contains(a + "attention.key_length_mla");
        int keyLength = m.getInt(a + (mla ? "attention.key_length_mla" : "attention.key_length"));
        nope = keyLength - rope;
        vdim = m.getInt(a + (mla ? "attention.value_length_mla" : "attention.value_length"));
        leading = m.getInt(a + "leading_dense_block_count", 0);
        nExp = m.getInt(a + "expert_count");
        used = m.getInt(a + "expert_used_count");
        eps = m.getDouble(a + "attention.layer_norm_rms_epsilon");
        sigmoid = m.getInt(a + "expert_gating_func", 1) == 2;
        norm = m.getBoolean(a + "expert_weights_norm", false);
        scale = m.getDouble(a + "expert_weights_scale", 1);
        double base = m.getDouble(a + "rope.freq_base", 10000);
        double factor = m.getDouble(a + "rope.scaling.factor");
        int orig = m.getInt(a + "rope.scaling.original_context_length");
        double mscale = 1 + m.getDouble(a + "rope.scaling.yarn_log_multiplier") * Math.log(factor);
        kqScale = mscale * mscale / Math.sqrt(keyLength);
        double low = Math.max(0, Math.floor(corr(32, base, orig)));
        double high = Math.min(rope - 1, Math.ceil(corr(1, base, orig)));
        freq = new double[rope / 2];
        for (int i0 = 0; i0 < rope; i0 += 2) {
            double extrap = Math.pow(base, -(double) i0 / rope);
            double ramp = 1 - Math.min(1, Math.max(0, (i0 / 2 - low) / Math.max(0.001, high - low)));
            freq[i0 / 2] = extrap / factor * (1 - ramp) + extrap * ramp;
        }
    }

    private double corr(double r, double base, int orig) {
        return rope * Math.log(orig / (2 * Math.PI * r)) / (2 * Math.log(base));
    }

    /** Logits after each token. */
    double[][] logits(int[] tokens) throws Exception {
        List<List<double[]>> keys = new ArrayList<>();
        List<List<double[]>> values = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            keys.add(new ArrayList<>());
            values.add(new ArrayList<>());
        }
        double[][] out = new double[tokens.length][];
        for (int pos = 0; pos < tokens.length; pos++) {
            double[] x = row("token_embd.weight", tokens[pos]);
            for (int l = 0; l < layers; l++) {
                String p = "blk." + l + ".";
                double[] h = rms(x, vec(p + "attn_norm.weight"));
                double[] q = qLora > 0
                        ? mv(p + "attn_q_b.weight", rms(mv(p + "attn_q_a.weight", h), vec(p + "attn_q_a_norm.weight")))
                        : mv(p + "attn_q.weight", h);
                double[] ckv = mv(p + "attn_kv_a_mqa.weight", h);
                double[] c = rms(java.util.Arrays.copyOf(ckv, rank), vec(p + "attn_kv_a_norm.weight"));
                double[] kpe = java.util.Arrays.copyOfRange(ckv, rank, rank + rope);
                rotate(kpe, 0, pos);
                double[][] kh = new double[heads][];
                double[][] vh = new double[heads][];
                for (int hd = 0; hd < heads; hd++) {
                    rotate(q, hd * (nope + rope) + nope, pos);
                    double[] k = new double[nope + rope];
                    double[] kn = upKey(p, hd, c);
                    System.arraycopy(kn, 0, k, 0, nope);
                    System.arraycopy(kpe, 0, k, nope, rope);
                    kh[hd] = k;
                    vh[hd] = upValue(p, hd, c);
                }
                keys.get(l).add(flatten(kh));
                values.get(l).add(flatten(vh));
                double[] att = new double[heads * vdim];
                for (int hd = 0; hd < heads; hd++) {
                    double[] s = new double[pos + 1];
                    for (int j = 0; j <= pos; j++) {
                        double[] k = keys.get(l).get(j);
                        for (int i = 0; i < nope + rope; i++) {
                            s[j] += q[hd * (nope + rope) + i] * k[hd * (nope + rope) + i];
                        }
                        s[j] *= kqScale;
                    }
                    Float64.softmaxInPlace(s);
                    for (int j = 0; j <= pos; j++) {
                        double[] v = values.get(l).get(j);
                        for (int i = 0; i < vdim; i++) {
                            att[hd * vdim + i] += s[j] * v[hd * vdim + i];
                        }
                    }
                }
                Float64.add(x, mv(p + "attn_output.weight", att));
                double[] g = rms(x, vec(p + "ffn_norm.weight"));
                Float64.add(x, l < leading ? swiglu(p, "", -1, g) : moe(p, g));
            }
            out[pos] = mv(f.hasTensor("output.weight") ? "output.weight" : "token_embd.weight",
                    rms(x, vec("output_norm.weight")));
        }
        return out;
    }

    /** k_nope of head h: W_UK_h · c. */
    private double[] upKey(String p, int h, double[] c) throws Exception {
        double[] k = new double[nope];
        for (int i = 0; i < nope; i++) {
            for (int r = 0; r < rank; r++) {
                // legacy: row (h*(nope+vdim) + i) of attn_kv_b; MLA: attn_k_b head h holds W_UK_hᵀ (rank rows of nope)
                k[i] += c[r] * (mla ? element(p + "attn_k_b.weight", (long) h * rank * nope + (long) r * nope + i)
                        : element(p + "attn_kv_b.weight", (long) (h * (nope + vdim) + i) * rank + r));
            }
        }
        return k;
    }

    /** v of head h: W_UV_h · c. */
    private double[] upValue(String p, int h, double[] c) throws Exception {
        double[] v = new double[vdim];
        for (int i = 0; i < vdim; i++) {
            for (int r = 0; r < rank; r++) {
                v[i] += c[r] * (mla ? element(p + "attn_v_b.weight", ((long) h * vdim + i) * rank + r)
                        : element(p + "attn_kv_b.weight", (long) (h * (nope + vdim) + nope + i) * rank + r));
            }
        }
        return v;
    }

    private double[] moe(String p, double[] g) throws Exception {
        double[] logits = mv(p + "ffn_gate_inp.weight", g);
        double[] prob = new double[nExp];
        double max = java.util.Arrays.stream(logits).max().orElseThrow();
        double sum = 0;
        for (int i = 0; i < nExp; i++) {
            prob[i] = sigmoid ? 1 / (1 + Math.exp(-logits[i])) : Math.exp(logits[i] - max);
            sum += prob[i];
        }
        if (!sigmoid) {
            for (int i = 0; i < nExp; i++) {
                prob[i] /= sum;
            }
        }
        double[] score = prob.clone();
        if (f.hasTensor(p + "exp_probs_b.bias")) {
            double[] b = vec(p + "exp_probs_b.bias");
            for (int i = 0; i < nExp; i++) {
                score[i] += b[i];
            }
        }
        int[] chosen = new int[used];
        double total = 0;
        for (int j = 0; j < used; j++) {
            int best = 0;
            for (int i = 1; i < nExp; i++) {
                best = score[i] > score[best] ? i : best;
            }
            chosen[j] = best;
            score[best] = Double.NEGATIVE_INFINITY;
            total += prob[best];
        }
        double[] out = swiglu(p, "_shexp", -1, g);
        for (int ex : chosen) {
            double w = (norm ? prob[ex] / total : prob[ex]) * scale;
            double[] y = swiglu(p, "_exps", ex, g);
            for (int i = 0; i < e; i++) {
                out[i] += w * y[i];
            }
        }
        return out;
    }

    /** SwiGLU of {@code ffn_*<suffix>}; {@code expert >= 0} selects one matrix of a stacked tensor. */
    private double[] swiglu(String p, String suffix, int expert, double[] x) throws Exception {
        double[] gate = mv(p + "ffn_gate" + suffix + ".weight", x, expert);
        double[] up = mv(p + "ffn_up" + suffix + ".weight", x, expert);
        for (int i = 0; i < gate.length; i++) {
            gate[i] = gate[i] / (1 + Math.exp(-gate[i])) * up[i];
        }
        return mv(p + "ffn_down" + suffix + ".weight", gate, expert);
    }

    private void rotate(double[] x, int off, int pos) {
        for (int j = 0; j < rope / 2; j++) {
            double th = pos * freq[j];
            double x0 = x[off + 2 * j];
            double x1 = x[off + 2 * j + 1];
            x[off + 2 * j] = x0 * Math.cos(th) - x1 * Math.sin(th);
            x[off + 2 * j + 1] = x0 * Math.sin(th) + x1 * Math.cos(th);
        }
    }

    private double[] rms(double[] x, double[] w) {
        return Float64.rmsNorm(x, w, eps);
    }

    private double[] mv(String name, double[] x) throws Exception {
        return mv(name, x, -1);
    }

    private double[] mv(String name, double[] x, int matrix) throws Exception {
        Tensor t = f.tensor(name);
        int rows = (int) t.dim(1);
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++) {
            double[] w = row(name, (matrix < 0 ? 0 : matrix) * rows + r);
            for (int i = 0; i < x.length; i++) {
                y[r] += w[i] * x[i];
            }
        }
        return y;
    }

    private double[] vec(String name) throws Exception {
        return row(name, 0);
    }

    private double[] row(String name, int r) throws Exception {
        Tensor t = f.tensor(name);
        int n = (int) t.dim(0);
        float[] v = new float[n];
        KernelBackends.scalar().kernel(t.type()).dequantize(t.data(), r * t.rowBytes(), v, 0, n);
        return Float64.widen(v);
    }

    private double element(String name, long index) throws Exception {
        Tensor t = f.tensor(name);
        long n = t.dim(0);
        return row(name, (int) (index / n))[(int) (index % n)];
    }

    private static double[] flatten(double[][] parts) {
        return java.util.Arrays.stream(parts).flatMapToDouble(java.util.Arrays::stream).toArray();
    }
}
