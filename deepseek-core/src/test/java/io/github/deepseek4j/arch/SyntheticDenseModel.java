package io.github.deepseek4j.arch;

import io.github.deepseek4j.gguf.GgufWriter;
import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.testing.Float64;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * A small random llama-family model (written with {@link GgufWriter}) and an independent, straightforward
 * float64 evaluation of its forward pass, one token at a time, written from architectures.md.
 */
public final class SyntheticDenseModel {

    public final String architecture;
    public final int embedding = 32;
    public final int heads = 4;
    public final int kvHeads = 2;
    public final int headDim;
    public final int ffn = 48;
    public final int vocabulary = 40;
    public final int layers;
    public final int contextLength = 64;
    public final double ropeBase = 1_000_000;
    public final double eps = 1e-6;
    public final boolean neox;
    public final boolean qkNorm;
    public final boolean bias;
    /** Linear rope scaling factor written as rope.scaling.type "linear" when not 1. */
    public double ropeLinearFactor = 1;
    /** When set, written as rope_freqs.weight: pair j's frequency is divided by it. */
    public float[] ropeFreqFactors;
    private final Map<String, float[]> tensors = new HashMap<>();
    private final Map<String, long[]> shapes = new java.util.LinkedHashMap<>();

    /** qwen3: head size 16 from attention.key_length (not embedding / heads = 8), q/k norms, neox rope, tied output. */
    public static SyntheticDenseModel qwen3(long seed) {
        return new SyntheticDenseModel("qwen3", 16, true, true, false, seed);
    }

    public SyntheticDenseModel(String architecture, int headDim, boolean neox, boolean qkNorm, boolean bias, long seed) {
        this(architecture, 2, headDim, neox, qkNorm, bias, seed);
    }

    public SyntheticDenseModel(String architecture, int layers, int headDim, boolean neox, boolean qkNorm, boolean bias,
                               long seed) {
        this.architecture = architecture;
        this.layers = layers;
        this.headDim = headDim;
        this.neox = neox;
        this.qkNorm = qkNorm;
        this.bias = bias;
        Random r = new Random(seed);
        add("token_embd.weight", r, 0.5, 0, embedding, vocabulary);
        add("output_norm.weight", r, 0.2, 1, embedding);
        for (int l = 0; l < layers; l++) {
            String p = "blk." + l + ".";
            add(p + "attn_norm.weight", r, 0.2, 1, embedding);
            add(p + "attn_q.weight", r, 0.3, 0, embedding, heads * headDim);
            add(p + "attn_k.weight", r, 0.3, 0, embedding, kvHeads * headDim);
            add(p + "attn_v.weight", r, 0.3, 0, embedding, kvHeads * headDim);
            if (bias) {
                add(p + "attn_q.bias", r, 0.1, 0, heads * headDim);
                add(p + "attn_k.bias", r, 0.1, 0, kvHeads * headDim);
                add(p + "attn_v.bias", r, 0.1, 0, kvHeads * headDim);
            }
            if (qkNorm) {
                add(p + "attn_q_norm.weight", r, 0.2, 1, headDim);
                add(p + "attn_k_norm.weight", r, 0.2, 1, headDim);
            }
            add(p + "attn_output.weight", r, 0.3, 0, heads * headDim, embedding);
            add(p + "ffn_norm.weight", r, 0.2, 1, embedding);
            add(p + "ffn_gate.weight", r, 0.3, 0, embedding, ffn);
            add(p + "ffn_up.weight", r, 0.3, 0, embedding, ffn);
            add(p + "ffn_down.weight", r, 0.3, 0, ffn, embedding);
        }
    }

    private void add(String name, Random r, double scale, double mean, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        float[] values = new float[(int) n];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (mean + scale * r.nextGaussian());
        }
        tensors.put(name, values);
        shapes.put(name, shape);
    }

    /** A writer holding this model's metadata and tensors (callers may change it before writing). */
    public GgufWriter writer() {
        String a = architecture + ".";
        GgufWriter w = new GgufWriter()
                .putString("general.architecture", architecture)
                .putUint32(a + "context_length", contextLength)
                .putUint32(a + "embedding_length", embedding)
                .putUint32(a + "block_count", layers)
                .putUint32(a + "feed_forward_length", ffn)
                .putUint32(a + "attention.head_count", heads)
                .putUint32(a + "attention.head_count_kv", kvHeads)
                .putUint32(a + "attention.key_length", headDim)
                .putUint32(a + "attention.value_length", headDim)
                .putFloat32(a + "rope.freq_base", (float) ropeBase)
                .putFloat32(a + "attention.layer_norm_rms_epsilon", (float) eps);
        if (ropeLinearFactor != 1) {
            w.putString(a + "rope.scaling.type", "linear").putFloat32(a + "rope.scaling.factor", (float) ropeLinearFactor);
        }
        if (ropeFreqFactors != null) {
            w.addTensor("rope_freqs.weight", GgmlType.F32, new long[] {ropeFreqFactors.length},
                    GgufWriter.TensorData.ofFloats(ropeFreqFactors));
        }
        shapes.forEach((name, shape) ->
                w.addTensor(name, GgmlType.F32, shape, GgufWriter.TensorData.ofFloats(tensors.get(name))));
        return w;
    }

    public Path write(Path path) throws IOException {
        writer().write(path);
        return path;
    }

    /** Logits after each token, in float64. */
    public double[][] referenceLogits(int[] tokens) {
        double[][] keys = new double[layers][];
        double[][] values = new double[layers][];
        int kvWidth = kvHeads * headDim;
        for (int l = 0; l < layers; l++) {
            keys[l] = new double[tokens.length * kvWidth];
            values[l] = new double[tokens.length * kvWidth];
        }
        double[][] out = new double[tokens.length][];
        for (int pos = 0; pos < tokens.length; pos++) {
            double[] x = new double[embedding];
            for (int i = 0; i < embedding; i++) {
                x[i] = t("token_embd.weight")[tokens[pos] * embedding + i];
            }
            for (int l = 0; l < layers; l++) {
                String p = "blk." + l + ".";
                double[] h = rmsNorm(x, t(p + "attn_norm.weight"));
                double[] q = matVec(p + "attn_q", h, heads * headDim);
                double[] k = matVec(p + "attn_k", h, kvWidth);
                double[] v = matVec(p + "attn_v", h, kvWidth);
                for (int hd = 0; hd < heads; hd++) {
                    headNormAndRope(q, hd * headDim, p + "attn_q_norm.weight", pos);
                }
                for (int hd = 0; hd < kvHeads; hd++) {
                    headNormAndRope(k, hd * headDim, p + "attn_k_norm.weight", pos);
                }
                System.arraycopy(k, 0, keys[l], pos * kvWidth, kvWidth);
                System.arraycopy(v, 0, values[l], pos * kvWidth, kvWidth);
                double[] att = new double[heads * headDim];
                for (int hd = 0; hd < heads; hd++) {
                    int g = hd / (heads / kvHeads);
                    double[] s = new double[pos + 1];
                    for (int j = 0; j <= pos; j++) {
                        for (int i = 0; i < headDim; i++) {
                            s[j] += q[hd * headDim + i] * keys[l][j * kvWidth + g * headDim + i];
                        }
                        s[j] /= Math.sqrt(headDim);
                    }
                    Float64.softmaxInPlace(s);
                    for (int j = 0; j <= pos; j++) {
                        for (int i = 0; i < headDim; i++) {
                            att[hd * headDim + i] += s[j] * values[l][j * kvWidth + g * headDim + i];
                        }
                    }
                }
                double[] o = matVec(p + "attn_output", att, embedding);
                for (int i = 0; i < embedding; i++) {
                    x[i] += o[i];
                }
                double[] f = rmsNorm(x, t(p + "ffn_norm.weight"));
                double[] gate = matVec(p + "ffn_gate", f, ffn);
                double[] up = matVec(p + "ffn_up", f, ffn);
                for (int i = 0; i < ffn; i++) {
                    gate[i] = gate[i] / (1 + Math.exp(-gate[i])) * up[i];
                }
                double[] down = matVec(p + "ffn_down", gate, embedding);
                for (int i = 0; i < embedding; i++) {
                    x[i] += down[i];
                }
            }
            double[] n = rmsNorm(x, t("output_norm.weight"));
            out[pos] = matVec(tensors.containsKey("output.weight") ? "output" : "token_embd", n, vocabulary);
        }
        return out;
    }

    private float[] t(String name) {
        return tensors.get(name);
    }

    private double[] matVec(String name, double[] x, int rows) {
        float[] w = t(name + ".weight");
        float[] b = tensors.get(name + ".bias");
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < x.length; c++) {
                y[r] += w[r * x.length + c] * x[c];
            }
            y[r] += b == null ? 0 : b[r];
        }
        return y;
    }

    private double[] rmsNorm(double[] x, float[] w) {
        return Float64.rmsNorm(x, Float64.widen(w), eps);
    }

    private void headNormAndRope(double[] x, int offset, String normName, int pos) {
        if (qkNorm) {
            double[] head = rmsNorm(java.util.Arrays.copyOfRange(x, offset, offset + headDim), t(normName));
            System.arraycopy(head, 0, x, offset, headDim);
        }
        for (int i0 = 0; i0 < headDim; i0 += 2) {
            double theta = pos * Math.pow(ropeBase, -(double) i0 / headDim) / ropeLinearFactor
                    / (ropeFreqFactors == null ? 1 : ropeFreqFactors[i0 / 2]);
            int a = neox ? offset + i0 / 2 : offset + i0;
            int b = neox ? a + headDim / 2 : a + 1;
            double xa = x[a];
            double xb = x[b];
            x[a] = xa * Math.cos(theta) - xb * Math.sin(theta);
            x[b] = xa * Math.sin(theta) + xb * Math.cos(theta);
        }
    }
}
