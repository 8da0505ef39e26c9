/**
 * The conformance runner: reads the cases of a conformance directory (see {@code ../shared/conformance/README.md}),
 * runs each (one prefill batch, then one token at a time) and compares every row of logits with the tolerance table.
 */
package io.github.deepseek4j.conformance;
