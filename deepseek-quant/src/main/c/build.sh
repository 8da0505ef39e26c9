#!/bin/sh
# Compiles the weight kernels into $1/libdeepseek4j_kernels.so when a C compiler exists and the machine
# is Linux x86-64: kernels.c twice, as the avx2 variant (AVX2, FMA, F16C) and the avx512 variant (also
# AVX-512 F/BW/VL/VNNI), in one library that picks its variant at run time. A compiler that cannot
# target AVX-512 gives the avx2 variant alone, with one line. Otherwise says in one line why the kernels
# are skipped and succeeds (the Java side then uses the Vector API kernels).
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
objects="$(mktemp -d)" || skip "cannot create a temporary folder"
trap 'rm -rf "$objects"' EXIT
avx2="-mavx2 -mfma -mf16c"
"$cc" -O3 $avx2 -fPIC -DVARIANT=avx2 -c -o "$objects/avx2.o" "$here/kernels.c" \
    || skip "$cc failed to compile $here/kernels.c"
if ! "$cc" -O3 $avx2 -mavx512f -mavx512bw -mavx512vl -mavx512vnni -fPIC -DVARIANT=avx512 -c \
        -o "$objects/avx512.o" "$here/kernels.c" 2>/dev/null; then
    echo "[deepseek4j] native kernels: $cc cannot target AVX-512 VNNI; building the AVX2 variant only"
    rm -f "$objects/avx512.o"
fi
"$cc" -shared -o "$out/libdeepseek4j_kernels.so" "$objects"/*.o -lm || skip "$cc failed to link the kernels"
