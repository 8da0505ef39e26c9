/**
 * Chat prompts: {@link io.github.deepseek4j.tokenizer.chat.ChatTemplate} renders a conversation of
 * {@link io.github.deepseek4j.tokenizer.chat.ChatMessage}s with a model's own Jinja chat template
 * (exactly as the model hubs do) or a {@link io.github.deepseek4j.tokenizer.chat.BuiltinTemplate}.
 * Subpackages: {@code jinja} (the template engine), {@code reasoning} (splitting {@code <think>}
 * output), {@code tools} (reading tool calls from output), {@code check} (conformance cases for templates).
 */
package io.github.deepseek4j.tokenizer.chat;
