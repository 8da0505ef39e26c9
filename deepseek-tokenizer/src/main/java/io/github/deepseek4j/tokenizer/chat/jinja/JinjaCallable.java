package io.github.deepseek4j.tokenizer.chat.jinja;

import java.util.List;
import java.util.Map;

/** Anything a template can call: global functions, macros, methods of strings and dicts. */
@FunctionalInterface
interface JinjaCallable {

    Object call(List<Object> positional, Map<String, Object> keyword);
}
