package io.github.deepseek4j;

import io.github.deepseek4j.quant.GgmlType;

import java.util.Optional;

/**
 * A well-formed model this library cannot run: an architecture it does not implement, or a weight type
 * the chosen kernels cannot compute with. The message names what was found and lists what is supported.
 */
public class UnsupportedModelException extends DeepSeekException {

    private final transient GgmlType weightType;

    public UnsupportedModelException(String message) {
        this(message, null, null);
    }

    public UnsupportedModelException(String message, GgmlType weightType, Throwable cause) {
        super(message, cause);
        this.weightType = weightType;
    }

    /** The weight type without a kernel, when that is why the model cannot run. */
    public Optional<GgmlType> unsupportedWeightType() {
        return Optional.ofNullable(weightType);
    }
}
