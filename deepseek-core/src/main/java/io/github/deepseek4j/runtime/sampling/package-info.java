/** Choosing the next token: logit bias, repetition penalties, top-k / top-p / min-p, temperature, seeded draws. */
package io.github.deepseek4j.runtime.sampling;
