package io.github.deepseek4j.quant.scalar;

import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.quant.KernelBackend;
import io.github.deepseek4j.quant.RowKernel;
import io.github.deepseek4j.quant.UnsupportedWeightTypeException;

import java.util.EnumMap;
import java.util.Map;

/** The reference kernels: plain Java, one readable class per weight type. Always available. */
public final class ScalarKernels implements KernelBackend {

    private final Map<GgmlType, RowKernel> kernels = new EnumMap<>(GgmlType.class);

    public ScalarKernels() {
        for (RowKernel k : new RowKernel[] {new F32Kernel(), new F16Kernel(), new BF16Kernel()}) {
            kernels.put(k.type(), k);
        }
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public boolean supports(GgmlType type) {
        return kernels.containsKey(type);
    }

    @Override
    public RowKernel kernel(GgmlType type) {
        RowKernel k = kernels.get(type);
        if (k == null) {
            throw new UnsupportedWeightTypeException(type, name(), kernels.keySet());
        }
        return k;
    }
}
