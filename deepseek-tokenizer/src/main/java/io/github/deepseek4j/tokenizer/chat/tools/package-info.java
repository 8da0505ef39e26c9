/**
 * Tool calls in model output: {@link io.github.deepseek4j.tokenizer.chat.tools.ToolCallFormat} reads
 * the calls a model wrote in its own format (DeepSeek-V3/R1 markers, Qwen/Hermes {@code <tool_call>}
 * blocks, Llama-3.x JSON) into {@link io.github.deepseek4j.tokenizer.chat.ToolCall}s and the remaining
 * text, and picks the format a chat template teaches its model.
 */
package io.github.deepseek4j.tokenizer.chat.tools;
