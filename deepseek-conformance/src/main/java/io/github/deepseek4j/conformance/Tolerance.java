package io.github.deepseek4j.conformance;

/**
 * The tolerance table of the conformance suite, per weight type.
 *
 * @param medianRowError largest allowed median over rows of RMS(logits - exact) / RMS(exact)
 * @param maxRowError    largest allowed error of any row (infinite: no limit)
 * @param top1Agreement  smallest fraction of decisive rows whose argmax must match
 */
public record Tolerance(double medianRowError, double maxRowError, double top1Agreement) {

    /** Rows count for top-1 agreement only when the exact top-1 beats the runner-up by more than this. */
    public static final double TOP1_MARGIN = 0.05;

    public static Tolerance forCase(String weightType, boolean moe) {
        double top1 = moe ? 0.85 : 0.97;
        return switch (weightType.toUpperCase(java.util.Locale.ROOT)) {
            case "F32" -> new Tolerance(1e-4, 1e-3, 1.0);
            case "F16" -> new Tolerance(2e-3, Double.POSITIVE_INFINITY, top1);
            case "BF16" -> new Tolerance(1e-2, Double.POSITIVE_INFINITY, top1);
            default -> new Tolerance(4e-2, Double.POSITIVE_INFINITY, top1);
        };
    }
}
