package io.github.deepseek4j.quant;

import java.util.EnumMap;
import java.util.Map;

/**
 * A kernel backend that is a table of kernels, one per weight type, filled by its constructor with
 * {@link #add}: the scalar, Vector API and native backends.
 */
public abstract class KernelTable implements KernelBackend {

    private final Map<GgmlType, RowKernel> kernels = new EnumMap<>(GgmlType.class);
    private final String name;

    protected KernelTable(String name) {
        this.name = name;
    }

    /** Makes {@code kernel} this backend's kernel for its type. */
    protected final void add(RowKernel kernel) {
        kernels.put(kernel.type(), kernel);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean supports(GgmlType type) {
        return kernels.containsKey(type);
    }

    @Override
    public final RowKernel kernel(GgmlType type) {
        RowKernel k = kernels.get(type);
        if (k == null) {
            throw new UnsupportedWeightTypeException(type, name, kernels.keySet());
        }
        return k;
    }

    @Override
    public final String toString() {
        return name;
    }
}
