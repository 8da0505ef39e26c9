package io.github.deepseek4j.arch;

import io.github.deepseek4j.IntermediateObserver;
import io.github.deepseek4j.quant.KernelBackend;
import io.github.deepseek4j.quant.RowParallel;

import java.util.Objects;

/**
 * What a loaded network computes with, fixed for its life: the kernels its weights are bound to, the threads its
 * matrix products and attention heads are split over, and who sees its intermediates. Given to
 * {@link Architecture#load}, so that a forward pass takes only its state, batch and logits target.
 *
 * @param observer sees each named intermediate ({@link IntermediateObserver}); null: nobody
 */
public record Execution(KernelBackend backend, RowParallel parallel, IntermediateObserver observer) {

    private static final IntermediateObserver NOBODY = (layer, name, values, tokens, width) -> { };

    public Execution {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(parallel, "parallel");
        observer = observer == null ? NOBODY : observer;
    }
}
