package io.github.deepseek4j.quant.ffi;

import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.quant.KernelBackend;
import io.github.deepseek4j.quant.KernelTable;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Locale;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The x86-64 kernels in C, called through the FFM API one range of rows at a time, for every quantized
 * type the quantizer writes and for F16/BF16 rows. The quantized ones use llama.cpp's method: activations
 * quantized to int8 (its Q8_0 per 32 values for the 32-value types and IQ4_XS, its Q8_K per 256 for the
 * k-quants) and byte-pair multiply-adds; F16 and BF16 rows take the float activations. One library holds
 * an {@code avx2} and an {@code avx512} (AVX-512 VNNI) variant ({@link #VARIANTS}); both give the same
 * results.
 */
public final class NativeKernels extends KernelTable {

    /** The variants, narrowest first: {@code avx2} (AVX2, FMA, F16C) and {@code avx512} (also AVX-512 F/BW/VL/VNNI). */
    public static final List<String> VARIANTS = NativeLibrary.VARIANTS;

    private static final FunctionDescriptor ROWS = FunctionDescriptor.ofVoid(ADDRESS, ValueLayout.JAVA_LONG,
            JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_INT);

    /**
     * The widest variant this CPU runs ({@code "native-avx512"} or {@code "native-avx2"}).
     *
     * @param floats the kernels for dequantization and for dot products with float activations
     * @throws IllegalStateException saying why the library cannot run here (not built, other OS, CPU)
     */
    public NativeKernels(KernelBackend floats) {
        this(floats, NativeLibrary.get().widestVariant());
    }

    /**
     * One variant ({@code "native-" + variant}).
     *
     * @param floats  the kernels for dequantization and for dot products with float activations
     * @param variant one of {@link #VARIANTS}
     * @throws IllegalStateException saying why that variant cannot run here
     */
    public NativeKernels(KernelBackend floats, String variant) {
        super("native-" + variant);
        NativeLibrary library = NativeLibrary.get();
        library.requireVariant(variant);
        for (GgmlType type : List.of(GgmlType.Q8_0, GgmlType.Q4_1, GgmlType.Q5_0, GgmlType.Q5_1, GgmlType.IQ4_NL,
                GgmlType.IQ4_XS)) {
            add(library, variant, floats, type, NativeActivations.Layout.BLOCKS_OF_32);
        }
        add(library, variant, floats, GgmlType.Q4_0, NativeActivations.Layout.PAIRED_BLOCKS_OF_32);
        for (GgmlType type : List.of(GgmlType.Q2_K, GgmlType.Q3_K, GgmlType.Q4_K, GgmlType.Q5_K, GgmlType.Q6_K)) {
            add(library, variant, floats, type, NativeActivations.Layout.SUPER_BLOCKS_OF_256);
        }
        for (GgmlType type : List.of(GgmlType.F16, GgmlType.BF16)) {
            add(library, variant, floats, type, NativeActivations.Layout.FLOATS);
        }
    }

    private void add(NativeLibrary library, String variant, KernelBackend floats, GgmlType type,
                     NativeActivations.Layout layout) {
        String function = "deepseek4j_" + type.name().toLowerCase(Locale.ROOT) + "_rows_" + variant;
        add(new NativeRowKernel(floats.kernel(type), library.function(function, ROWS), layout));
    }
}
