package io.github.deepseek4j.quant;

/** A weight type exists in ggml but this library cannot compute with it; the message lists what it can. */
public final class UnsupportedWeightTypeException extends RuntimeException {

    private final GgmlType type;

    public UnsupportedWeightTypeException(GgmlType type, String backend, java.util.Collection<GgmlType> supported) {
        super("weight type " + type + " is not supported by the " + backend + " kernels; supported: " + supported);
        this.type = type;
    }

    public GgmlType type() {
        return type;
    }
}
