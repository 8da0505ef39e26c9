/**
 * A Jinja interpreter for chat templates: {@code Lexer} (tokens, with jinja2's whitespace control)
 * → {@code Parser} (AST of {@code Node} statements and {@code Expr} expressions) → {@code Renderer}
 * (evaluation with Python semantics from {@code Values}, {@code Filters}, {@code Tests},
 * {@code Methods}, {@code Globals}). The entry point is {@link
 * io.github.deepseek4j.tokenizer.chat.jinja.JinjaTemplate}; every failure is a {@link
 * io.github.deepseek4j.tokenizer.chat.jinja.TemplateException}.
 */
package io.github.deepseek4j.tokenizer.chat.jinja;
