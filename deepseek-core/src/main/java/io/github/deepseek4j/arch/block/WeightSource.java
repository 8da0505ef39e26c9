package io.github.deepseek4j.arch.block;

import io.github.deepseek4j.ModelFormatException;
import io.github.deepseek4j.UnsupportedModelException;
import io.github.deepseek4j.gguf.GgufFile;
import io.github.deepseek4j.gguf.TensorName;
import io.github.deepseek4j.quant.KernelBackend;
import io.github.deepseek4j.quant.RowKernel;
import io.github.deepseek4j.quant.UnsupportedWeightTypeException;
import io.github.deepseek4j.tensor.Tensor;

import java.util.Arrays;
import java.util.Optional;

/**
 * Fetches a model's tensors for an architecture's loader: checks each shape against the hyper-parameters
 * and binds each matrix to its kernel, so a wrong shape or a weight type without a kernel fails at load
 * time with the file, tensor and type named.
 */
public final class WeightSource {

    private final GgufFile file;
    private final KernelBackend backend;

    public WeightSource(GgufFile file, KernelBackend backend) {
        this.file = file;
        this.backend = backend;
    }

    public GgufFile file() {
        return file;
    }

    public boolean has(String name) {
        return file.hasTensor(name);
    }

    /** The matrix {@code name} of {@code outputs} rows of {@code inputs} values (GGUF ne = [inputs, outputs]). */
    public Linear linear(String name, int inputs, int outputs) throws ModelFormatException {
        Tensor t = tensor(name, inputs, outputs);
        return new Linear(name, kernel(t), t.data(), 0, inputs, outputs, null);
    }

    public Optional<Linear> optionalLinear(String name, int inputs, int outputs) throws ModelFormatException {
        return has(name) ? Optional.of(linear(name, inputs, outputs)) : Optional.empty();
    }

    /**
     * Matrix {@code index} of a stack of {@code count} matrices (GGUF ne = [inputs, outputs, count]),
     * e.g. one expert of an {@code ffn_*_exps} tensor or one head of {@code attn_k_b}.
     */
    public Linear[] stacked(String name, int inputs, int outputs, int count) throws ModelFormatException {
        Tensor t = tensor(name, inputs, outputs, count);
        RowKernel k = kernel(t);
        long matrixBytes = t.rowBytes() * outputs;
        Linear[] out = new Linear[count];
        for (int i = 0; i < count; i++) {
            out[i] = new Linear(name + "[" + i + "]", k, t.data(), i * matrixBytes, inputs, outputs, null);
        }
        return out;
    }

    /** The SwiGLU feed-forward of hidden width {@code width} in {@code layer}: a dense block's one. */
    public SwiGluFeedForward feedForward(int layer, int embedding, int width) throws ModelFormatException {
        return feedForward(layer, TensorName.FFN_GATE, TensorName.FFN_UP, TensorName.FFN_DOWN, embedding, width);
    }

    /** The shared experts of a mixture-of-experts block, as one SwiGLU feed-forward of hidden width {@code width}. */
    public SwiGluFeedForward sharedExperts(int layer, int embedding, int width) throws ModelFormatException {
        return feedForward(layer, TensorName.FFN_GATE_SHEXP, TensorName.FFN_UP_SHEXP, TensorName.FFN_DOWN_SHEXP,
                embedding, width);
    }

    private SwiGluFeedForward feedForward(int layer, TensorName gate, TensorName up, TensorName down, int embedding,
                                          int width) throws ModelFormatException {
        return new SwiGluFeedForward(linear(gate.weight(layer), embedding, width),
                linear(up.weight(layer), embedding, width), linear(down.weight(layer), width, embedding));
    }

    /** A vector of {@code n} values (norm weights, biases), dequantized to floats. */
    public float[] vector(String name, int n) throws ModelFormatException {
        Tensor t = tensor(name, n);
        float[] out = new float[n];
        kernel(t).dequantize(t.data(), 0, out, 0, n);
        return out;
    }

    public Optional<float[]> optionalVector(String name, int n) throws ModelFormatException {
        return has(name) ? Optional.of(vector(name, n)) : Optional.empty();
    }

    private Tensor tensor(String name, long... dims) throws ModelFormatException {
        Tensor t = file.tensor(name);
        long[] shape = t.shape();
        long[] expected = dims;
        // ggml drops trailing dimensions of 1, so [n, 1] and [n] are the same shape
        int stored = shape.length;
        while (stored > 1 && shape[stored - 1] == 1) {
            stored--;
        }
        int wanted = expected.length;
        while (wanted > 1 && expected[wanted - 1] == 1) {
            wanted--;
        }
        if (!Arrays.equals(Arrays.copyOf(shape, stored), Arrays.copyOf(expected, wanted))) {
            throw new ModelFormatException(file.path() + ": tensor '" + name + "' has shape " + Arrays.toString(shape)
                    + ", the hyper-parameters imply " + Arrays.toString(expected));
        }
        return t;
    }

    private RowKernel kernel(Tensor t) {
        try {
            return backend.kernel(t.type());
        } catch (UnsupportedWeightTypeException e) {
            throw new UnsupportedModelException(file.path() + ": tensor '" + t.name() + "': " + e.getMessage(),
                    t.type(), e);
        }
    }
}
