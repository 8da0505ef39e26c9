package io.github.deepseek4j.quant.scalar;

import io.github.deepseek4j.quant.KernelTable;
import io.github.deepseek4j.quant.RowKernel;

/** The reference kernels: plain Java, one readable class per weight type. Always available. */
public final class ScalarKernels extends KernelTable {

    public ScalarKernels() {
        super("scalar");
        for (RowKernel k : new RowKernel[] {
                new F32(), new F16(), new BF16(), new Q8_0(), new Q4_0(), new Q4_1(), new Q5_0(), new Q5_1(),
                new Q2_K(), new Q3_K(), new Q4_K(), new Q5_K(), new Q6_K(), new IQ4_NL(), new IQ4_XS()}) {
            add(k);
        }
    }
}
