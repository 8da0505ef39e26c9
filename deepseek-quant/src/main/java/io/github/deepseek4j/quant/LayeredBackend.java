package io.github.deepseek4j.quant;

import java.util.EnumSet;
import java.util.Set;

/** The kernels of {@code first} where it has them, else those of {@code rest}; named "first+rest". */
final class LayeredBackend implements KernelBackend {

    private final KernelBackend first;
    private final KernelBackend rest;

    LayeredBackend(KernelBackend first, KernelBackend rest) {
        this.first = first;
        this.rest = rest;
    }

    @Override
    public String name() {
        return first.name() + "+" + rest.name();
    }

    @Override
    public boolean supports(GgmlType type) {
        return first.supports(type) || rest.supports(type);
    }

    @Override
    public RowKernel kernel(GgmlType type) {
        if (first.supports(type)) {
            return first.kernel(type);
        }
        if (rest.supports(type)) {
            return rest.kernel(type);
        }
        Set<GgmlType> supported = EnumSet.noneOf(GgmlType.class);
        for (GgmlType t : GgmlType.values()) {
            if (supports(t)) {
                supported.add(t);
            }
        }
        throw new UnsupportedWeightTypeException(type, name(), supported);
    }

    @Override
    public String toString() {
        return name();
    }
}
