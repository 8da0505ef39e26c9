package io.github.deepseek4j.conformance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one conformance case.
 *
 * @param status        PASS, FAIL, or UNSUPPORTED (the model cannot be run here; {@code message} says why)
 * @param medianError   median row error (NaN when not run)
 * @param maxError      largest row error
 * @param top1Agreement fraction of decisive rows whose argmax matches
 * @param decisiveRows  rows where the exact top-1 beats the runner-up by more than the margin
 * @param failures      which limits were broken
 */
public record CaseResult(String name, String weightType, Status status, double medianError, double maxError,
                         double top1Agreement, int decisiveRows, int rows, List<String> failures, String message) {

    public enum Status { PASS, FAIL, UNSUPPORTED }

    public CaseResult {
        failures = List.copyOf(failures);
    }

    public static CaseResult unsupported(ConformanceCase c, String message) {
        return new CaseResult(c.name(), c.weightType(), Status.UNSUPPORTED, Double.NaN, Double.NaN, Double.NaN, 0, 0,
                List.of(), message);
    }

    /** The case could not be run at all (e.g. its model file is unreadable). */
    public static CaseResult error(ConformanceCase c, String message) {
        return new CaseResult(c.name(), c.weightType(), Status.FAIL, Double.NaN, Double.NaN, Double.NaN, 0, 0,
                List.of(message), message);
    }

    public boolean passed() {
        return status == Status.PASS;
    }

    /** One line: name, type, figures and verdict. */
    public String summary() {
        if (Double.isNaN(medianError)) {
            return String.format(java.util.Locale.ROOT, "%-32s %-7s %s  %s", name, weightType, status, message);
        }
        return String.format(java.util.Locale.ROOT, "%-32s %-7s median %.3e  max %.3e  top1 %6.2f%% (%d rows)  %s%s",
                name, weightType, medianError, maxError, 100 * top1Agreement, decisiveRows, status,
                failures.isEmpty() ? "" : "  " + String.join("; ", failures));
    }

    /** The figures as a JSON-ready map. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("case", name);
        m.put("weight_type", weightType);
        m.put("status", status.name());
        if (!Double.isNaN(medianError)) {
            m.put("median_row_error", medianError);
            m.put("max_row_error", maxError);
            m.put("top1_agreement", top1Agreement);
            m.put("top1_rows", decisiveRows);
            m.put("rows", rows);
            m.put("failures", failures);
        } else {
            m.put("message", message);
        }
        return m;
    }
}
