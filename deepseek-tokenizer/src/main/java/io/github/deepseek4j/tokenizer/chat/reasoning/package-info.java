/** Splitting reasoning-model output into reasoning and answer, whole or while streaming. */
package io.github.deepseek4j.tokenizer.chat.reasoning;
