package io.github.deepseek4j.quant.blas;

import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.quant.KernelBackend;
import io.github.deepseek4j.quant.KernelTable;

/**
 * Float weights (F32, and F16 / BF16 widened a tile at a time) through the system's CBLAS: prefill is
 * {@code cblas_sgemm}, one range of rows times the whole batch; decode is the {@code floats} backend's.
 */
public final class BlasKernels extends KernelTable {

    /** System property: the path of the BLAS library to use instead of looking for {@link Cblas#LIBRARY_NAMES}. */
    public static final String LIBRARY_PROPERTY = "deepseek4j.blas.library";

    /** The weight types computed through BLAS. */
    public static final java.util.Set<GgmlType> TYPES = java.util.Set.of(GgmlType.F32, GgmlType.F16, GgmlType.BF16);

    /**
     * @param floats the kernels for everything but prefill matrix products: decode, dequantization
     */
    public BlasKernels(Cblas cblas, KernelBackend floats) {
        super("blas");
        for (GgmlType type : GgmlType.values()) {
            if (TYPES.contains(type)) {
                add(new SgemmKernel(floats.kernel(type), cblas));
            }
        }
    }
}
