package io.github.deepseek4j.quant;

import io.github.deepseek4j.quant.scalar.ScalarKernels;

/** Where the kernel backends come from. */
public final class KernelBackends {

    private KernelBackends() {
    }

    /** The scalar reference kernels. */
    public static KernelBackend scalar() {
        return Holder.SCALAR;
    }

    /** The fastest backend this JVM can run. */
    public static KernelBackend preferred() {
        return Holder.SCALAR;
    }

    private static final class Holder {
        static final KernelBackend SCALAR = new ScalarKernels();
    }
}
