#!/usr/bin/env python3
"""Regenerates official-template-cases.json: harder conversations (tool calls, tools, several
system messages, reasoning, role errors) for the real templates in
../shared/reference/chat-templates, rendered by Python jinja2 the way the model hubs do.
Run from this directory: python3 generate_template_cases.py /path/to/shared/reference/chat-templates"""
import json
import os
import sys

from generate_jinja_cases import env

DEEPSEEK = {"bos_token": "<｜begin▁of▁sentence｜>", "eos_token": "<｜end▁of▁sentence｜>"}
TOKENS = {
    "deepseek-v3.jinja": DEEPSEEK, "deepseek-r1-distill-qwen.jinja": DEEPSEEK, "deepseek-r1-distill-llama.jinja": DEEPSEEK,
    "qwen2.5-instruct.jinja": {"bos_token": "", "eos_token": "<|im_end|>"},
    "llama-3.1-instruct.jinja": {"bos_token": "<|begin_of_text|>", "eos_token": "<|eot_id|>"},
    "phi-3.5-mini.jinja": {"bos_token": "<s>", "eos_token": "<|endoftext|>"},
    "gemma-2.jinja": {"bos_token": "<bos>", "eos_token": "<eos>"},
}
TOOLS = [{"type": "function", "function": {"name": "get_weather", "description": "Weather for a city, in °C",
                                           "parameters": {"type": "object", "properties": {"city": {"type": "string"}},
                                                          "required": ["city"]}}}]


def call(name, args, string_args, cid="call_1"):
    return {"id": cid, "type": "function",
            "function": {"name": name, "arguments": json.dumps(args, ensure_ascii=False) if string_args else args}}


def conversations(template):
    string_args = template.startswith("deepseek")
    weather = call("get_weather", {"city": "Zürich"}, string_args)
    time = call("get_time", {"tz": "CET"}, string_args, "call_2")
    yield "tool-round-trip", {"messages": [
        {"role": "system", "content": "You can call tools."},
        {"role": "user", "content": "Weather in Zürich?"},
        {"role": "assistant", "content": None, "tool_calls": [weather]},
        {"role": "tool", "tool_call_id": "call_1", "content": "{\"temp\": 21}"},
        {"role": "assistant", "content": "It is 21 °C."},
        {"role": "user", "content": "Thanks!"}], "tools": TOOLS, "add_generation_prompt": True}
    yield "two-tool-calls", {"messages": [
        {"role": "user", "content": "Weather and time?"},
        {"role": "assistant", "content": None, "tool_calls": [weather, time]},
        {"role": "tool", "tool_call_id": "call_1", "content": "sunny"},
        {"role": "tool", "tool_call_id": "call_2", "content": "12:00"}], "add_generation_prompt": True}
    yield "ends-with-tool", {"messages": [
        {"role": "user", "content": "Weather?"},
        {"role": "assistant", "content": None, "tool_calls": [weather]},
        {"role": "tool", "tool_call_id": "call_1", "content": "rain"}], "add_generation_prompt": True}
    yield "systems-and-reasoning", {"messages": [
        {"role": "system", "content": "First rule."},
        {"role": "system", "content": "Second rule."},
        {"role": "user", "content": "  Q1  "},
        {"role": "assistant", "content": "<think>\nLet me think.\n</think>\n\nA1", "reasoning_content": "Let me think."},
        {"role": "user", "content": "Q2"}], "add_generation_prompt": False}
    yield "empty-system", {"messages": [
        {"role": "system", "content": ""},
        {"role": "user", "content": "Hi"}], "add_generation_prompt": True}
    yield "user-user", {"messages": [
        {"role": "user", "content": "one"},
        {"role": "user", "content": "two"}], "add_generation_prompt": True}
    if template.startswith("llama"):
        yield "tools-in-system", {"messages": [{"role": "user", "content": "Weather?"}], "tools": TOOLS,
                                  "tools_in_user_message": False, "add_generation_prompt": True}
        yield "builtin-tools", {"messages": [
            {"role": "user", "content": "Search"},
            {"role": "assistant", "content": None,
             "tool_calls": [call("brave_search", {"query": "jinja", "count": "3"}, False)]},
            {"role": "ipython", "content": {"results": ["a", "b"]}}],
            "builtin_tools": ["code_interpreter", "brave_search"], "add_generation_prompt": True}
        yield "custom-date", {"messages": [{"role": "user", "content": "Date?"}], "date_string": "01 Jan 2025",
                              "add_generation_prompt": True}


def main():
    shared = sys.argv[1]
    cases = []
    for template in sorted(TOKENS):
        with open(os.path.join(shared, template), encoding="utf-8") as f:
            source = f.read()
        for name, variables in conversations(template):
            case = {"name": template[:-6] + "/" + name, "template": template, **TOKENS[template], **variables}
            try:
                case["expected"] = env.from_string(source).render(**TOKENS[template], **variables)
            except Exception as e:  # noqa: BLE001 - any jinja2 failure is an expected failure
                case["expected_error"] = str(e)
            cases.append(case)
    with open("official-template-cases.json", "w", encoding="utf-8") as out:
        json.dump(cases, out, ensure_ascii=False, indent=1)
        out.write("\n")
    print(len(cases), "cases,", sum("expected_error" in c for c in cases), "errors")


if __name__ == "__main__":
    main()
