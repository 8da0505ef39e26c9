package io.github.deepseek4j.quant.vector;

import io.github.deepseek4j.quant.GgmlType;
import io.github.deepseek4j.quant.KernelBackend;
import io.github.deepseek4j.quant.KernelTable;
import io.github.deepseek4j.quant.RowKernel;

import java.util.function.Function;

/**
 * Kernels written with the Vector API at the JVM's preferred vector width. Only load this class
 * after checking that {@code jdk.incubator.vector} is in the boot layer (see {@code KernelBackends}).
 */
public final class VectorKernels extends KernelTable {

    /**
     * @param scalar the reference kernels: every vector kernel dequantizes through its scalar twin
     * @throws UnsupportedOperationException when the preferred float vector is not 8 or 16 lanes wide
     */
    public VectorKernels(KernelBackend scalar) {
        if (!Lanes.USABLE) {
            throw new UnsupportedOperationException("the preferred float vector has " + Lanes.LANES
                    + " lanes (" + Lanes.F.vectorBitSize() + " bits); these kernels need 8 or 16");
        }
        super("vector-" + Lanes.F.vectorBitSize()); // e.g. "vector-256": the float vector width in bits
        register(scalar, GgmlType.F32, F32::new);
        register(scalar, GgmlType.F16, F16::new);
        register(scalar, GgmlType.BF16, BF16::new);
        register(scalar, GgmlType.Q8_0, Q8_0::new);
        register(scalar, GgmlType.Q4_0, Q4_0::new);
        register(scalar, GgmlType.Q4_1, Q4_1::new);
        register(scalar, GgmlType.Q5_0, Q5_0::new);
        register(scalar, GgmlType.Q5_1, Q5_1::new);
        register(scalar, GgmlType.Q4_K, Q4_K::new);
        register(scalar, GgmlType.Q5_K, Q5_K::new);
        register(scalar, GgmlType.Q6_K, Q6_K::new);
        register(scalar, GgmlType.IQ4_NL, IQ4_NL::new);
        register(scalar, GgmlType.IQ4_XS, IQ4_XS::new);
        register(scalar, GgmlType.Q2_K, Q2_K::new);
        register(scalar, GgmlType.Q3_K, Q3_K::new);
    }

    private void register(KernelBackend scalar, GgmlType type, Function<RowKernel, RowKernel> vectorTwin) {
        if (scalar.supports(type)) {
            add(vectorTwin.apply(scalar.kernel(type)));
        }
    }
}
