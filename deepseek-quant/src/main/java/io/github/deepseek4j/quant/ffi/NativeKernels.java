package io.github.deepseek4j.quant.ffi;

import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.quant.KernelBackend;
import io.github.deepseek4j.quant.RowKernel;
import io.github.deepseek4j.quant.UnsupportedWeightTypeException;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.ValueLayout;
import java.util.EnumMap;
import java.util.Map;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The AVX2 kernels in C (llama.cpp's method: activations quantized to int8 per 32, byte-pair
 * multiply-adds) for Q8_0, Q4_0 and Q4_K, called through the FFM API one range of rows at a time.
 */
public final class NativeKernels implements KernelBackend {

    private static final FunctionDescriptor ROWS = FunctionDescriptor.ofVoid(ADDRESS, ValueLayout.JAVA_LONG,
            JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_INT);

    private final Map<GgmlType, RowKernel> kernels = new EnumMap<>(GgmlType.class);

    /**
     * @param floats the kernels for dequantization and for dot products with float activations
     * @throws IllegalStateException saying why the library cannot run here (not built, other OS, CPU)
     */
    public NativeKernels(KernelBackend floats) {
        NativeLibrary library = NativeLibrary.get();
        for (GgmlType type : new GgmlType[] {GgmlType.Q8_0, GgmlType.Q4_0, GgmlType.Q4_K}) {
            String function = "deepseek4j_" + type.name().toLowerCase(java.util.Locale.ROOT) + "_rows";
            kernels.put(type, new NativeRowKernel(floats.kernel(type), library.function(function, ROWS)));
        }
    }

    /** {@code "native-avx2"}. */
    @Override
    public String name() {
        return "native-avx2";
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
