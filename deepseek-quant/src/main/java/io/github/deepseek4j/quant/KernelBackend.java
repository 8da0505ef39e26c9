package io.github.deepseek4j.quant;

/** A family of row kernels (the scalar reference, the Vector API or the native ones), one per weight type. */
public interface KernelBackend {

    /** Short name for logs and benchmarks ("scalar", "vector"). */
    String name();

    boolean supports(GgmlType type);

    /**
     * The kernel for {@code type}.
     *
     * @throws UnsupportedWeightTypeException when this backend cannot compute with the type
     */
    RowKernel kernel(GgmlType type);
}
