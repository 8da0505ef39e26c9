#!/usr/bin/env python3
"""Regenerates tool-template-cases.json: tool calling through the real DeepSeek-V3, DeepSeek-R1 (Qwen
distill), Qwen2.5 and Llama-3.1 templates in ../shared/reference/chat-templates, rendered by Python
jinja2 the way the model hubs do (same environment as generate_jinja_cases.py).

Each case holds the template variables (`messages`, `tools`, ...) and the `expected` text, or an
`expected_error` when the template refuses the conversation. Tools are OpenAI style
({"type": "function", "function": {"name", "description", "parameters"}}); tool calls are
{"id", "type": "function", "function": {"name", "arguments"}} with the arguments as JSON text for
the DeepSeek templates (they concatenate them) and as a mapping for Qwen and Llama (they apply
`tojson`), as the hubs pass them.

Run from this directory: python3 generate_tool_cases.py /path/to/shared/reference/chat-templates"""
import json
import os
import sys

from generate_jinja_cases import env

DEEPSEEK = {"bos_token": "<｜begin▁of▁sentence｜>", "eos_token": "<｜end▁of▁sentence｜>"}
TOKENS = {
    "deepseek-v3.jinja": DEEPSEEK,
    "deepseek-r1-distill-qwen.jinja": DEEPSEEK,
    "qwen2.5-instruct.jinja": {"bos_token": "", "eos_token": "<|im_end|>"},
    "llama-3.1-instruct.jinja": {"bos_token": "<|begin_of_text|>", "eos_token": "<|eot_id|>"},
}


def tool(name, description, properties, required=(), **extra):
    parameters = {"type": "object", "properties": properties}
    if required:
        parameters["required"] = list(required)
    parameters.update(extra)
    return {"type": "function", "function": {"name": name, "description": description, "parameters": parameters}}


WEATHER = tool("get_weather", "Current weather for a city, in °C", {
    "city": {"type": "string", "description": "City name, e.g. \"Zürich\" or 'São Paulo'"},
    "unit": {"type": "string", "enum": ["celsius", "fahrenheit"], "default": "celsius"},
    "days": {"type": "integer", "minimum": 1, "maximum": 14},
}, required=["city"])
SEARCH = tool("search_flights", "Flights between two airports.\nReturns at most `limit` offers; prices in €.", {
    "route": {"type": "object", "properties": {"from": {"type": "string", "pattern": "^[A-Z]{3}$"},
                                               "to": {"type": "string", "pattern": "^[A-Z]{3}$"}},
              "required": ["from", "to"], "additionalProperties": False},
    "passengers": {"type": "array", "items": {"type": "object", "properties": {
        "age": {"type": "integer", "minimum": 0}, "seat": {"enum": ["aisle", "window", None]}}},
        "minItems": 1, "maxItems": 9},
    "max_price": {"type": "number", "exclusiveMinimum": 0, "maximum": 12500.5, "multipleOf": 0.01},
    "flexible": {"type": "boolean", "default": False},
    "tags": {"type": "array", "items": {"type": "string"}, "default": []},
    "filters": {"type": "object", "properties": {}, "description": "Tab\there, backslash \\ and </tool_call> & <b>"},
}, required=["route", "passengers"], additionalProperties=False)
CLOCK = tool("get_time", "Time now; no arguments", {})
TOOLS = [WEATHER, SEARCH, CLOCK]


def call(template, cid, name, args):
    text = template.startswith("deepseek")
    return {"id": cid, "type": "function",
            "function": {"name": name, "arguments": json.dumps(args, ensure_ascii=False) if text else args}}


def conversations(template):
    weather = call(template, "call_0", "get_weather", {"city": "Zürich", "unit": "celsius", "days": 3})
    flights = call(template, "call_1", "search_flights", {
        "route": {"from": "ZRH", "to": "LIS"},
        "passengers": [{"age": 34, "seat": "window"}, {"age": 6, "seat": None}],
        "max_price": 420.5, "flexible": True, "tags": [], "filters": {},
        "note": "say \"hi\"\n\tto 世界 🌍 \\ ok"})
    clock = call(template, "call_2", "get_time", {})
    numbers = call(template, "call_3", "get_weather", {"lat": 47.37, "lon": -8.5, "scale": 1.0, "tiny": 1e-07,
                                                       "huge": 1e+16, "count": 10 ** 15, "neg": -0.0})
    yield "offer-tools", {"messages": [
        {"role": "user", "content": "Book me a flight from Zürich to Lisbon."}], "tools": TOOLS,
        "add_generation_prompt": True}
    yield "offer-tools-with-system", {"messages": [
        {"role": "system", "content": "  You are a travel agent. Use tools when useful.  "},
        {"role": "user", "content": "What's the weather in Zürich?"}], "tools": TOOLS,
        "add_generation_prompt": True}
    yield "nested-arguments", {"messages": [
        {"role": "user", "content": "Two seats to Lisbon under 420.50 €, please."},
        {"role": "assistant", "content": None, "tool_calls": [flights]},
        {"role": "tool", "tool_call_id": "call_1", "content": "[{\"price\": 399.0, \"flight\": \"LX2084\"}]"},
        {"role": "assistant", "content": "LX2084 costs 399 €."}], "tools": TOOLS, "add_generation_prompt": False}
    yield "number-arguments", {"messages": [
        {"role": "user", "content": "Weather at 47.37, -8.5?"},
        {"role": "assistant", "content": None, "tool_calls": [numbers]},
        {"role": "tool", "tool_call_id": "call_3", "content": "cloudy"}], "tools": [WEATHER],
        "add_generation_prompt": True}
    yield "two-rounds", {"messages": [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Weather in Zürich?"},
        {"role": "assistant", "content": None, "tool_calls": [weather]},
        {"role": "tool", "tool_call_id": "call_0", "content": "{\"temp\": 21, \"sky\": \"clear\"}"},
        {"role": "assistant", "content": "21 °C and clear."},
        {"role": "user", "content": "And the time?"},
        {"role": "assistant", "content": None, "tool_calls": [clock]},
        {"role": "tool", "tool_call_id": "call_2", "content": "12:00"},
        {"role": "user", "content": "Thanks."}], "tools": TOOLS, "add_generation_prompt": True}
    yield "parallel-calls", {"messages": [
        {"role": "user", "content": "Weather, flights and time?"},
        {"role": "assistant", "content": None, "tool_calls": [weather, flights, clock]},
        {"role": "tool", "tool_call_id": "call_0", "content": "sunny"},
        {"role": "tool", "tool_call_id": "call_1", "content": "none"},
        {"role": "tool", "tool_call_id": "call_2", "content": "12:00"}], "tools": TOOLS,
        "add_generation_prompt": True}
    yield "content-beside-calls", {"messages": [
        {"role": "user", "content": "Weather?"},
        {"role": "assistant", "content": "Let me check.", "tool_calls": [weather]},
        {"role": "tool", "tool_call_id": "call_0", "content": "sunny"}], "tools": [WEATHER],
        "add_generation_prompt": True}
    yield "empty-tool-list", {"messages": [{"role": "user", "content": "Hi"}], "tools": [],
                              "add_generation_prompt": True}
    if template.startswith("llama"):
        yield "tools-in-system", {"messages": [
            {"role": "system", "content": "Travel agent."},
            {"role": "user", "content": "Flights?"}], "tools": TOOLS, "tools_in_user_message": False,
            "add_generation_prompt": True}
        yield "custom-tools", {"messages": [{"role": "user", "content": "Time?"}], "custom_tools": [CLOCK],
                               "add_generation_prompt": True}
        yield "tools-without-user", {"messages": [{"role": "system", "content": "Only a system."}],
                                     "tools": [CLOCK], "add_generation_prompt": True}


def main():
    shared = sys.argv[1]
    cases = []
    for template in sorted(TOKENS):
        with open(os.path.join(shared, template), encoding="utf-8") as f:
            source = f.read()
        for name, variables in conversations(template):
            case = {"name": "tools/" + template[:-6] + "/" + name, "template": template, **TOKENS[template], **variables}
            try:
                case["expected"] = env.from_string(source).render(**TOKENS[template], **variables)
            except Exception as e:  # noqa: BLE001 - any jinja2 failure is an expected failure
                case["expected_error"] = str(e)
            cases.append(case)
    with open("tool-template-cases.json", "w", encoding="utf-8") as out:
        json.dump(cases, out, ensure_ascii=False, indent=1)
        out.write("\n")
    print(len(cases), "cases,", sum("expected_error" in c for c in cases), "errors")


if __name__ == "__main__":
    main()
