#!/usr/bin/env python3
"""Regenerates jinja-differential.json: snippets rendered by Python jinja2 configured the way the
model hubs apply chat templates. Run from this directory: python3 generate_jinja_cases.py"""
import datetime
import json

import jinja2
from jinja2.ext import loopcontrols
from jinja2.sandbox import ImmutableSandboxedEnvironment


def raise_exception(message):
    raise jinja2.exceptions.TemplateError(message)


def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
    return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)


env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[loopcontrols])
env.filters["tojson"] = tojson
env.globals["raise_exception"] = raise_exception
env.globals["strftime_now"] = lambda fmt: datetime.datetime(2024, 7, 26).strftime(fmt)

MSGS = [
    {"role": "system", "content": "  Be brief.  "},
    {"role": "user", "content": "Hi \"there\" <b> & 'you'"},
    {"role": "assistant", "content": "<think>\nhmm\n</think>\n\nHello, 世界 🌍!"},
    {"role": "user", "content": "Weather?"},
    {"role": "assistant", "content": None, "tool_calls": [
        {"id": "c1", "type": "function", "function": {"name": "get_weather", "arguments": {"city": "Paris", "days": 3}}}]},
    {"role": "tool", "content": "{\"temp\": 21.5}", "tool_call_id": "c1"},
]
VARS = {
    "messages": MSGS,
    "n": 7, "f": 2.5, "s": "Hello World", "u": "héllo wörld 🌍", "empty": "", "none": None,
    "xs": [3, 1, 2], "words": ["b", "A", "c", "a"], "d": {"b": 1, "a": [1, 2.0, None, True], "c": {"x": "y"}},
    "people": [{"name": "Ann", "age": 31}, {"name": "bob", "age": 25}, {"name": "Cy", "age": 40, "x": None}],
    "big": 10 ** 15, "flt": [0.1, 1e16, 1e-5, 123.0, 1.5e300, -0.0, 100.0, 0.0001],
}

SNIPPETS = {
    # whitespace control
    "ws/trim_blocks": "{% if true %}\nA\n{% endif %}\nB\n",
    "ws/lstrip_blocks": "x\n    {% if true %}\n    y\n    {% endif %}\nz",
    "ws/variable_not_lstripped": "a\n    {{ 1 }}\n    {# c #}\nb",
    "ws/minus": "a   {%- if true -%}   b   {%- endif -%}   c\n\n",
    "ws/minus_variable": "a \n {{- 1 -}} \n b",
    "ws/plus": "a\n    {%+ if true +%}\nb{% endif %}",
    "ws/comment_trim": "a{# c #}\nb\n  {#- c -#}  \n  c",
    "ws/raw": "{% raw %}{{ not evaluated }}{% endraw %}\nafter",
    "ws/crlf": "line1\r\n{% if true %}\r\nline2\r\n{% endif %}\r\n",
    "ws/trailing_newlines": "text\n\n",
    "ws/tag_after_text": "text {% if true %}\nyes{% endif %}",
    "ws/lstrip_after_var": "{{ 1 }}  {% if true %}x{% endif %}",
    "ws/lstrip_at_start": "   {% if true %}x{% endif %}",
    "ws/nested_indent": "{% for x in xs %}\n    {% if x > 1 %}\n        {{ x }}\n    {% endif %}\n{% endfor %}\n",
    "ws/raw_strip": "a  {%- raw -%}  {{ x }}  {%- endraw -%}  b",
    "ws/lstrip_tab": "x\n\t {% if true %}y{% endif %}\n  \t{# c #}z",
    "ws/comment_then_block": "{# a #}\n  {% if true %}\nz{% endif %}",
    "ws/brace_in_string": "{{ '}}' }}{% if '%}' %}ok{% endif %}",
    # literals and str()
    "lit/line_continuation": "{{ 'a\\\nb' }}|{{ \"c\\\n\\\nd\" }}",
    "lit/dict_keys": "{{ {1: 'a', 'b': 2.5, none: true} }}|{{ ('x',) }}|{{ () }}",
    "lit/values": "{{ none }}|{{ true }}|{{ false }}|{{ [1, 'a', none, true] }}|{{ {'k': 'v', 'n': none} }}|{{ (1, 2) }}",
    "lit/strings": "{{ 'it\\'s' }}|{{ \"say \\\"hi\\\"\" }}|{{ 'a\\tb\\n' }}|{{ 'x' 'y' }}|{{ '\\u00e9\\x41' }}|{{ 'back\\\\slash \\q' }}",
    "lit/repr_quotes": "{{ [\"it's\", 'say \"x\"', 'both \\' \"', 'nl\\n'] }}",
    "lit/floats": "{% for x in flt %}{{ x }} {% endfor %}{{ 1/3 }} {{ 2.0 * 3 }} {{ 10 / 2 }}",
    "lit/numbers": "{{ 1_000 }} {{ 0.5e1 }} {{ -n }} {{ +n }} {{ big * 10 }}",
    # operators
    "op/arith": "{{ 7 // 2 }} {{ -7 // 2 }} {{ 7 % 3 }} {{ -7 % 3 }} {{ 2 ** 10 }} {{ 7 / 2 }} {{ 7.5 // 2 }} {{ -7.5 % 2 }}",
    "op/concat": "{{ 'a' ~ 1 ~ none ~ true ~ undefined_thing }}|{{ 'a' + 'b' }}|{{ [1] + [2] }}|{{ 'ab' * 3 }}|{{ [0] * 2 }}",
    "op/compare": "{{ 1 < 2 < 3 }} {{ 1 < 3 < 2 }} {{ 'a' < 'b' }} {{ [1,2] < [1,3] }} {{ 1 == 1.0 }} {{ true == 1 }} {{ none == none }} {{ 'a' != 'a' }}",
    "op/in": "{{ 'ell' in s }} {{ 2 in xs }} {{ 'b' in d }} {{ 'z' not in d }} {{ 'x' in undefined_thing }} {{ 4 not in xs }}",
    "op/logic": "{{ 0 or 'x' }}|{{ 'a' and 'b' }}|{{ '' and 'b' }}|{{ none or none }}|{{ not 0 }}|{{ not xs }}",
    "op/conditional": "{{ 'y' if n > 5 else 'n' }}|{{ 'y' if n > 50 }}|{{ 'a' if false else 'b' if false else 'c' }}",
    "op/precedence": "{{ 1 + 2 * 3 }} {{ (1 + 2) * 3 }} {{ -2 ** 2 }} {{ 2 ** 3 ** 2 }} {{ not 1 == 2 }} {{ 'a' ~ 1 * 2 }}",
    "op/percent": "{{ '%s and %s' % ('x', 3) }}|{{ '%d%%' % 50 }}|{{ '%5s|%-4s|' % ('ab', 'c') }}|{{ '%.2f' % 3.14159 }}",
    "op/unicode_compare": "{{ '\\U0001F600' > '\\uFFFD' }} {{ ['b', '\\U0001F600', '\\uFFFD', 'a'] | sort }}",
    # access
    "access/items": "{{ d.b }} {{ d['a'][1] }} {{ d.c.x }} {{ xs[0] }} {{ xs[-1] }} {{ xs.1 }} {{ d.missing }}|{{ xs[10] }}|{{ none.attr }}|",
    "access/methods_on_dict": "{{ d.get('b') }} {{ d.get('zz', 'dflt') }} {{ d.get('zz') }} {{ d.keys() | list }} {{ d.values() | list | length }}",
    "access/message_fields": "{% for m in messages %}{{ m.role }}:{{ m['content'] is none }}:{{ 'tool_calls' in m }}:{{ m.tool_calls is defined }}\n{% endfor %}",
    "access/slicing": "{{ xs[::-1] }} {{ xs[1:] }} {{ xs[:-1] }} {{ xs[::2] }} {{ xs[5:0:-1] }} {{ xs[-2:] }} {{ s[::-1] }} {{ u[1:4] }} {{ s[-5:] }} {{ xs[:] }} {{ xs[10:] }}",
    "access/unicode_index": "{{ u[0] }}{{ u[-1] }} {{ u | length }} {{ u[-3:] }}",
    # string methods
    "str/methods": "{{ '  x y  '.strip() }}|{{ 'xxhixx'.strip('x') }}|{{ ' a'.lstrip() }}|{{ 'a '.rstrip() }}|{{ s.upper() }}|{{ s.lower() }}|{{ 'hello world'.title() }}|{{ 'hELLO'.capitalize() }}",
    "str/split": "{{ 'a,b,,c'.split(',') }} {{ ' a  b '.split() }} {{ 'a,b,c'.split(',', 1) }} {{ 'a,b,c'.rsplit(',', 1) }} {{ messages[2].content.split('</think>')[-1] }}",
    "str/misc": "{{ s.startswith('Hell') }} {{ s.endswith(('x', 'ld')) }} {{ s.replace('l', 'L') }} {{ s.replace('l', 'L', 2) }} {{ s.find('o') }} {{ s.find('z') }} {{ s.count('l') }} {{ '-'.join(['a','b']) }} {{ 'a\\nb\\r\\nc'.splitlines() }}",
    # filters
    "filter/basic": "{{ '  t  ' | trim }}|{{ 'xxtxx' | trim('x') }}|{{ s | length }}|{{ xs | count }}|{{ 5 | string }}|{{ s | upper }}|{{ s | lower }}|{{ 'ab' | capitalize }}|{{ 'a b' | title }}",
    "filter/replace_join": "{{ s | replace('o', '0') }}|{{ xs | join(', ') }}|{{ xs | join }}|{{ people | join(' ', attribute='name') }}",
    "filter/default": "{{ missing | default('dflt') }}|{{ empty | default('dflt') }}|{{ empty | default('dflt', true) }}|{{ none | default('x') }}|{{ missing | d('y') }}",
    "filter/first_last": "{{ xs | first }} {{ xs | last }} {{ s | first }} {{ s | last }} {{ [] | first }}|",
    "filter/list_sort": "{{ xs | sort }} {{ xs | sort(reverse=true) }} {{ words | sort }} {{ words | sort(case_sensitive=true) }} {{ people | sort(attribute='age') | map(attribute='name') | list }} {{ xs | reverse | list }} {{ s | reverse }} {{ words | unique | list }} {{ 'ab' | list }}",
    "filter/dictsort": "{{ d | dictsort }}|{{ {'B': 2, 'a': 3, 'c': 1} | dictsort(by='value', reverse=true) }}|{% for k, v in {'b': 1, 'A': 2} | dictsort(true) %}{{ k }}{% endfor %}",
    "filter/map_select": "{{ people | map(attribute='name') | list }} {{ xs | map('string') | list }} {{ people | selectattr('age', 'gt', 30) | map(attribute='name') | list }} {{ people | rejectattr('x', 'defined') | list | length }} {{ xs | select('odd') | list }} {{ xs | reject('odd') | list }} {{ [0, 1, '', 'a'] | select | list }} {{ people | map(attribute='zz', default='?') | list }}",
    "filter/items": "{% for k, v in d | items %}{{ k }}={{ v }};{% endfor %}|{% for k, v in d.items() %}{{ k }};{% endfor %}|{{ undefined_thing | items | list }}",
    "filter/numbers": "{{ '42' | int }} {{ 'x' | int }} {{ '3.7' | int }} {{ 3.7 | int }} {{ 'x' | int(5) }} {{ '2.5' | float }} {{ 'x' | float }} {{ -3 | abs }} {{ 2.567 | round(2) }} {{ 2.5 | round }} {{ 3.5 | round }} {{ 2.1 | round(method='ceil') }} {{ xs | sum }} {{ people | sum(attribute='age') }} {{ xs | max }} {{ xs | min }} {{ words | max }}",
    "filter/indent": "{{ 'a\\nb\\n\\nc' | indent }}|{{ 'a\\nb' | indent(2, true) }}|{{ 'a\\n\\nb' | indent(width='> ', blank=true) }}",
    "filter/escape_format": "{{ '<a href=\"x\">&\\'</a>' | escape }}|{{ '%s-%s' | format('a', 1) }}|{{ s | safe }}",
    "filter/tojson": "{{ d | tojson }}|{{ messages[4] | tojson }}|{{ u | tojson }}|{{ 'q\"\\\\\\n\\t\\u0001' | tojson }}|{{ none | tojson }}|{{ flt | tojson }}|{{ [] | tojson }}|{{ {} | tojson }}",
    "filter/tojson_options": "{{ d | tojson(indent=4) }}|{{ d | tojson(indent=2, sort_keys=true) }}|{{ u | tojson(ensure_ascii=true) }}|{{ d | tojson(separators=(',', ':')) }}|{{ {'e': [], 'f': {}} | tojson(indent=2) }}",
    # tests
    "test/types": "{% for v in [none, true, 1, 1.5, 's', [1], {'a': 1}, missing] %}{{ v is none }}{{ v is boolean }}{{ v is integer }}{{ v is float }}{{ v is number }}{{ v is string }}{{ v is mapping }}{{ v is iterable }}{{ v is sequence }}{{ v is defined }}{{ v is undefined }}\n{% endfor %}",
    "test/values": "{{ 3 is odd }} {{ 4 is even }} {{ 9 is divisibleby 3 }} {{ 9 is divisibleby(2) }} {{ 'a' is eq 'a' }} {{ 1 is ne 2 }} {{ 2 is in xs }} {{ 'ab' is lower }} {{ 'AB' is upper }} {{ none is sameas none }} {{ true is true }} {{ 0 is false }} {{ range is callable }} {{ 2 is gt 1 }} {{ 2 is le 1 }}",
    "test/not": "{{ 1 is not none }} {{ none is not none }} {{ not missing is defined }} {{ missing is not defined and true }}",
    "stmt/for_tuples": "{% for a, b in [(1, 'x'), (2, 'y')] %}{{ a }}{{ b }}{% endfor %}|{{ undefined_thing | length }}{{ undefined_thing | list }}",
    # statements
    "stmt/loop_vars": "{% for x in ['a', 'b', 'c'] %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.first }}{{ loop.last }}{{ loop.length }}{{ loop.previtem }}{{ loop.nextitem }}{{ loop.cycle('o', 'e') }}\n{% endfor %}",
    "stmt/loop_else_filter": "{% for x in [] %}x{% else %}empty{% endfor %}|{% for x in xs if x > 1 %}{{ x }}{{ loop.last }}{{ loop.length }};{% endfor %}|{% for x in xs if x > 5 %}{% else %}none{% endfor %}",
    "stmt/loop_controls": "{% for x in range(10) %}{% if x is odd %}{% continue %}{% endif %}{% if x > 6 %}{% break %}{% endif %}{{ x }}{% endfor %}",
    "stmt/nested_loops": "{% for a in [1, 2] %}{% for b in 'xy' %}{{ a }}{{ b }}{{ loop.depth }}{{ loop.index }} {% endfor %}{{ loop.index }}|{% endfor %}",
    "stmt/loop_dict_string": "{% for k in d %}{{ k }}{% endfor %}|{% for c in 'héy' %}[{{ c }}]{% endfor %}|{% for x in missing %}never{% endfor %}",
    "stmt/scoping": "{% set x = 1 %}{% for i in xs %}{% set x = i %}{{ x }}{% endfor %}|{{ x }}|{% if true %}{% set y = 5 %}{% endif %}{{ y }}",
    "stmt/namespace": "{% set ns = namespace(total=0, seen=[]) %}{% for i in xs %}{% set ns.total = ns.total + i %}{% endfor %}{{ ns.total }}{{ ns.seen }}{% set ns2 = namespace(d) %}{{ ns2.b }}",
    "stmt/set_block_tuple": "{% set a, b = 1, 2 %}{{ a }}{{ b }}{% set t = 1, 2 %}{{ t }}{% set blk %}inside {{ n }}{% endset %}[{{ blk }}]",
    "stmt/macro": "{% macro greet(name, punct='!') %}Hi {{ name }}{{ punct }}{% endmacro %}{{ greet('A') }} {{ greet('B', '?') }} {{ greet(name='C', punct='.') }} {{ greet('D', punct=';') }}",
    "stmt/macro_scope": "{% set outer = 'o' %}{% macro m(x) %}{{ x }}{{ outer }}{{ varargs }}{{ kwargs }}{% endmacro %}{{ m(1) }}",
    "stmt/if_chain": "{% for v in [1, 5, 10] %}{% if v < 3 %}low{% elif v < 7 %}mid{% else %}high{% endif %} {% endfor %}",
    "stmt/set_messages": "{% set messages = messages[1:] %}{{ messages | length }}{{ messages[0].role }}",
    "stmt/strftime": "{{ strftime_now('%d %b %Y') }}|{{ strftime_now('%Y-%m-%d %A %B') }}",
    "stmt/dict_literal_range": "{{ range(3) | list }} {{ range(1, 10, 3) | list }} {{ range(5, 0, -2) | list }} {{ dict(a=1, b='x') }} {{ {'a': 1}.items() | list }}",
    # errors
    "err/raise": "{{ raise_exception('Custom failure ' ~ n) }}",
    "err/undefined_attr": "{{ missing.attr }}",
    "err/undefined_add": "{{ missing + 'x' }}",
    "err/type_add": "{{ 'a' + 1 }}",
    "err/none_add": "{{ none + 'x' }}",
    "err/not_iterable": "{% for x in 5 %}{% endfor %}",
    "err/unknown_filter": "{{ 1 | nosuchfilter }}",
    "err/syntax_unclosed": "{% if true %}x",
    "err/syntax_bad": "{{ 1 + }}",
    "err/div_zero": "{{ 1 / 0 }}",
    "err/call_undefined": "{{ missing() }}",
    "err/unpack": "{% for a, b in [[1, 2, 3]] %}{% endfor %}",
    "err/precedence_concat_plus": "{{ 'a' ~ 1 + 2 }}",
    "err/break_outside_loop": "{% break %}",
    "err/assign_non_namespace": "{% set s.x = 1 %}",
}


def main():
    cases = []
    for name, source in SNIPPETS.items():
        case = {"name": name, "source": source, "variables": VARS}
        try:
            case["expected"] = env.from_string(source).render(**VARS)
        except Exception as e:  # noqa: BLE001 - any jinja2 failure is an expected failure
            case["expected_error"] = type(e).__name__ + ": " + str(e)
        cases.append(case)
    with open("jinja-differential.json", "w", encoding="utf-8") as out:
        json.dump(cases, out, ensure_ascii=False, indent=1)
        out.write("\n")
    print(len(cases), "cases")


if __name__ == "__main__":
    main()
