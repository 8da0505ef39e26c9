#!/bin/sh
# Compiles the AVX2 weight kernels into $1/libdeepseek4j_kernels.so when a C compiler exists and the
# machine is Linux x86-64; otherwise says in one line why they are skipped and succeeds (the Java
# side then uses the Vector API kernels).
out="$1"
here="$(cd "$(dirname "$0")" && pwd)"
rm -f "$out/libdeepseek4j_kernels.so" # never leave a stale build behind
skip() {
    echo "[deepseek4j] native kernels skipped: $1 (the Vector API kernels are used instead)"
    exit 0
}
[ "$(uname -s)" = Linux ] || skip "not Linux ($(uname -s))"
case "$(uname -m)" in x86_64|amd64) ;; *) skip "not x86-64 ($(uname -m))" ;; esac
cc="${CC:-}"
[ -n "$cc" ] || cc="$(command -v gcc || command -v cc)" || skip "no C compiler (gcc or cc) on the PATH"
mkdir -p "$out" || skip "cannot create $out"
"$cc" -O3 -mavx2 -mfma -mf16c -shared -fPIC -o "$out/libdeepseek4j_kernels.so" "$here/kernels.c" \
    || skip "$cc failed to compile $here/kernels.c"
