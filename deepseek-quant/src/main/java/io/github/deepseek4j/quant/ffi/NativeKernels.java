package io.github.deepseek4j.quant.ffi;

import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.quant.KernelBackend;
import io.github.deepseek4j.quant.KernelTable;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.ValueLayout;
import java.util.Locale;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The AVX2 kernels in C (llama.cpp's method: activations quantized to int8, per 32 values for Q8_0 and
 * Q4_0 and per 256 for Q4_K, and byte-pair multiply-adds) for Q8_0, Q4_0 and Q4_K, called through the
 * FFM API one range of rows at a time.
 */
public final class NativeKernels extends KernelTable {

    private static final FunctionDescriptor ROWS = FunctionDescriptor.ofVoid(ADDRESS, ValueLayout.JAVA_LONG,
            JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_INT);

    /**
     * @param floats the kernels for dequantization and for dot products with float activations
     * @throws IllegalStateException saying why the library cannot run here (not built, other OS, CPU)
     */
    public NativeKernels(KernelBackend floats) {
        super("native-avx2");
        NativeLibrary library = NativeLibrary.get();
        add(library, floats, GgmlType.Q8_0, Int8Activations.Layout.BLOCKS_OF_32);
        add(library, floats, GgmlType.Q4_0, Int8Activations.Layout.PAIRED_BLOCKS_OF_32);
        add(library, floats, GgmlType.Q4_K, Int8Activations.Layout.SUPER_BLOCKS_OF_256);
    }

    private void add(NativeLibrary library, KernelBackend floats, GgmlType type, Int8Activations.Layout layout) {
        String function = "deepseek4j_" + type.name().toLowerCase(Locale.ROOT) + "_rows";
        add(new NativeRowKernel(floats.kernel(type), library.function(function, ROWS), layout));
    }
}
