package io.github.deepseek4j.tools.convert;

import io.github.deepseek4j.testing.Float64;

import java.util.Map;

/**
 * Hugging Face's llama forward pass in float64, straight from the checkpoint's own tensors (row-major
 * {@code [out, in]}) and with Hugging Face's rope convention (rotate the two halves of each head), so
 * it checks the converter's renaming and query/key interleaving independently of both.
 */
final class HfLlamaReference {

    private final Map<String, float[]> w;
    private final int embedding, layers, heads, kvHeads, ff;
    private final double eps, base;

    HfLlamaReference(Map<String, float[]> weights, int embedding, int layers, int heads, int kvHeads, int ff,
                     double eps, double base) {
        this.w = weights;
        this.embedding = embedding;
        this.layers = layers;
        this.heads = heads;
        this.kvHeads = kvHeads;
        this.ff = ff;
        this.eps = eps;
        this.base = base;
    }

    /** Logits after the last of {@code tokens} (tied output embeddings). */
    double[] lastLogits(int[] tokens) {
        int hd = embedding / heads;
        int n = tokens.length;
        double[][] x = new double[n][];
        for (int t = 0; t < n; t++) {
            x[t] = slice("model.embed_tokens.weight", tokens[t], embedding);
        }
        for (int l = 0; l < layers; l++) {
            String p = "model.layers." + l + ".";
            double[][] q = new double[n][], k = new double[n][], v = new double[n][];
            for (int t = 0; t < n; t++) {
                double[] h = Float64.rmsNorm(x[t], slice(p + "input_layernorm.weight", 0, embedding), eps);
                q[t] = rotateHalves(matVec(p + "self_attn.q_proj.weight", h, heads * hd), heads, hd, t);
                k[t] = rotateHalves(matVec(p + "self_attn.k_proj.weight", h, kvHeads * hd), kvHeads, hd, t);
                v[t] = matVec(p + "self_attn.v_proj.weight", h, kvHeads * hd);
            }
            for (int t = 0; t < n; t++) {
                double[] att = new double[heads * hd];
                for (int h = 0; h < heads; h++) {
                    int kv = h / (heads / kvHeads);
                    double[] s = new double[t + 1];
                    for (int j = 0; j <= t; j++) {
                        for (int i = 0; i < hd; i++) {
                            s[j] += q[t][h * hd + i] * k[j][kv * hd + i];
                        }
                        s[j] /= Math.sqrt(hd);
                    }
                    Float64.softmaxInPlace(s);
                    for (int j = 0; j <= t; j++) {
                        for (int i = 0; i < hd; i++) {
                            att[h * hd + i] += s[j] * v[j][kv * hd + i];
                        }
                    }
                }
                Float64.add(x[t], matVec(p + "self_attn.o_proj.weight", att, embedding));
                double[] g = Float64.rmsNorm(x[t], slice(p + "post_attention_layernorm.weight", 0, embedding), eps);
                double[] gate = matVec(p + "mlp.gate_proj.weight", g, ff);
                double[] up = matVec(p + "mlp.up_proj.weight", g, ff);
                for (int i = 0; i < ff; i++) {
                    gate[i] = gate[i] / (1 + Math.exp(-gate[i])) * up[i];
                }
                Float64.add(x[t], matVec(p + "mlp.down_proj.weight", gate, embedding));
            }
        }
        double[] last = Float64.rmsNorm(x[n - 1], slice("model.norm.weight", 0, embedding), eps);
        return matVec("model.embed_tokens.weight", last, w.get("model.embed_tokens.weight").length / embedding);
    }

    /** Hugging Face rope: element i pairs with i + d/2 inside each head. */
    private double[] rotateHalves(double[] x, int nHeads, int hd, int pos) {
        double[] out = x.clone();
        int half = hd / 2;
        for (int h = 0; h < nHeads; h++) {
            for (int i = 0; i < half; i++) {
                double theta = pos * Math.pow(base, -2.0 * i / hd);
                double a = x[h * hd + i];
                double b = x[h * hd + i + half];
                out[h * hd + i] = a * Math.cos(theta) - b * Math.sin(theta);
                out[h * hd + i + half] = b * Math.cos(theta) + a * Math.sin(theta);
            }
        }
        return out;
    }

    private double[] matVec(String name, double[] x, int rows) {
        float[] m = w.get(name);
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < x.length; i++) {
                y[r] += m[r * x.length + i] * x[i];
            }
        }
        return y;
    }

    private double[] slice(String name, int row, int length) {
        double[] out = new double[length];
        float[] m = w.get(name);
        for (int i = 0; i < length; i++) {
            out[i] = m[row * length + i];
        }
        return out;
    }
}
