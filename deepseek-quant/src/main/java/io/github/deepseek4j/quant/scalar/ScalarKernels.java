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
        for (RowKernel k : new RowKernel[] {
                new F32(), new F16(), new BF16(), new Q8_0(), new Q4_0(), new Q4_1(), new Q5_0(), new Q5_1(),
                new Q2_K(), new Q3_K(), new Q4_K(), new Q5_K(), new Q6_K(), new IQ4_NL(), new IQ4_XS()}) {
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

    @Override
    public String toString() {
        return name();
    }
}
