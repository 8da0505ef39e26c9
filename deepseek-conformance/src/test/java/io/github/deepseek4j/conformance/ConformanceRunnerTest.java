package io.github.deepseek4j.conformance;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The comparison itself: row errors, the top-1 margin rule, and the tolerance table. */
class ConformanceRunnerTest {

    private static ConformanceCase caseOf(String type, boolean moe) {
        return new ConformanceCase("c", Path.of("m"), type, moe, 3, 1, new int[] {0, 0}, Path.of("e"), null);
    }

    @Test
    void identicalLogitsPass() {
        float[][] exact = {{1, 2, 3}, {3, 2, 1}};
        CaseResult r = ConformanceRunner.compare(caseOf("F32", false), exact, exact);
        assertThat(r.status()).isEqualTo(CaseResult.Status.PASS);
        assertThat(r.maxError()).isZero();
        assertThat(r.top1Agreement()).isEqualTo(1.0);
    }

    @Test
    void rowsWithinTheMarginDoNotCountForTopOne() {
        float[][] exact = {{1, 1.04f, 0}, {0, 0, 5}};
        float[][] actual = {{1.04f, 1, 0}, {0, 0, 5}}; // the first row's argmax differs, but its margin is 0.04
        CaseResult r = ConformanceRunner.compare(caseOf("Q4_0", false), actual, exact);
        assertThat(r.decisiveRows()).isEqualTo(1);
        assertThat(r.top1Agreement()).isEqualTo(1.0);
    }

    @Test
    void f32FailsOnAnyRowAboveOneInAThousand() {
        float[][] exact = {{1, 2, 3}, {3, 2, 1}, {1, 1, 2}};
        float[][] actual = {{1, 2, 3}, {3, 2, 1.01f}, {1, 1, 2}};
        CaseResult r = ConformanceRunner.compare(caseOf("F32", false), actual, exact);
        assertThat(r.status()).isEqualTo(CaseResult.Status.FAIL);
        assertThat(r.failures()).singleElement().asString().startsWith("max row error");
        assertThat(ConformanceRunner.compare(caseOf("F16", false), actual, exact).passed()).isTrue();
    }

    @Test
    void toleranceTableFollowsTheReadme() {
        assertThat(Tolerance.forCase("F32", false)).isEqualTo(new Tolerance(1e-4, 1e-3, 1.0));
        assertThat(Tolerance.forCase("BF16", true).top1Agreement()).isEqualTo(0.85);
        assertThat(Tolerance.forCase("Q4_K_M", false)).isEqualTo(new Tolerance(4e-2, Double.POSITIVE_INFINITY, 0.97));
    }
}
