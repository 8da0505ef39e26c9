/** What runs a model: the off-heap KV cache, the model's worker threads, and samplers. */
package io.github.deepseek4j.runtime;
