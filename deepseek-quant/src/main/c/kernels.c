/*
 * Weight-row kernels for x86-64, called through the Java FFM API from io.github.deepseek4j.quant.ffi.
 * One call computes a whole range of rows against activations that Java prepared once per input vector
 * (NativeActivations), in the layout each type's function below describes: every function takes
 * (w, offset, rows, blocks, qx, dx, sx, y, y_offset), and what qx, dx and sx hold depends on the type.
 *
 * This file is compiled twice into one library (build.sh): with VARIANT=avx2 (AVX2, FMA, F16C) and with
 * VARIANT=avx512 (the same plus AVX-512 F/BW/VL/VNNI, whose vpdpbusd / vpdpwssd fuse the byte and word
 * multiply-adds). Every exported name ends in _avx2 or _avx512; Java picks one set once, after asking
 * deepseek4j_cpu_level. The integer sums are the same in both, so both give the same floats.
 *
 * Each row is reduced in a fixed order whatever range it arrives in, so results do not depend on
 * how rows are split between threads.
 */
#include <immintrin.h>
#include <stdint.h>
#include <math.h>
#include <string.h>

#ifndef VARIANT
#define VARIANT avx2
#endif
#define JOIN_(a, b) a##_##b
#define JOIN(a, b) JOIN_(a, b)
/* The exported name of a type's row kernel in this variant: deepseek4j_q8_0_rows_avx2, ... */
#define ROWS(type) JOIN(deepseek4j_##type##_rows, VARIANT)
#define INLINE static inline __attribute__((always_inline))

#if !defined(__AVX512F__)
/*
 * 0 when this CPU (and OS) cannot run the kernels, 1 for the avx2 ones (AVX2, FMA, F16C), 2 when it can
 * also run the avx512 ones (AVX-512 F, BW, VL and VNNI). Compiled for plain x86-64 (it must run anywhere
 * to say no), once: in the avx2 object.
 */
__attribute__((target("arch=x86-64"))) int deepseek4j_cpu_level(void) {
    __builtin_cpu_init();
    if (!__builtin_cpu_supports("avx2") || !__builtin_cpu_supports("fma") || !__builtin_cpu_supports("f16c")) {
        return 0;
    }
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")
            && __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512vnni") ? 2 : 1;
}
#endif

/* ---- integer multiply-adds: the only code that differs between the variants ---- */

#if defined(__AVX512VNNI__) && defined(__AVX512VL__)
/* acc + 8 int32 sums of four products of 32 unsigned bytes u with 32 signed bytes s. */
INLINE __m256i dot_u8_s8_acc(__m256i acc, __m256i u, __m256i s) {
    return _mm256_dpbusd_epi32(acc, u, s);
}

/* acc + 8 int32 sums of u1 * s1 and u2 * s2 (eight products each); pair sums of either must fit int16. */
INLINE __m256i dot2_u8_s8_acc(__m256i acc, __m256i u1, __m256i s1, __m256i u2, __m256i s2) {
    return _mm256_dpbusd_epi32(_mm256_dpbusd_epi32(acc, u1, s1), u2, s2);
}

/* acc + 8 int32 sums of two products of int16 a and b. */
INLINE __m256i madd_acc(__m256i acc, __m256i a, __m256i b) {
    return _mm256_dpwssd_epi32(acc, a, b);
}
#else
INLINE __m256i dot_u8_s8_acc(__m256i acc, __m256i u, __m256i s) {
    return _mm256_add_epi32(acc, _mm256_madd_epi16(_mm256_maddubs_epi16(u, s), _mm256_set1_epi16(1)));
}

INLINE __m256i dot2_u8_s8_acc(__m256i acc, __m256i u1, __m256i s1, __m256i u2, __m256i s2) {
    __m256i pairs = _mm256_add_epi16(_mm256_maddubs_epi16(u1, s1), _mm256_maddubs_epi16(u2, s2));
    return _mm256_add_epi32(acc, _mm256_madd_epi16(pairs, _mm256_set1_epi16(1)));
}

INLINE __m256i madd_acc(__m256i acc, __m256i a, __m256i b) {
    return _mm256_add_epi32(acc, _mm256_madd_epi16(a, b));
}
#endif

/* ---- shared helpers ---- */

INLINE uint32_t load_u16(const uint8_t *p) {
    uint16_t h;
    memcpy(&h, p, 2);
    return h;
}

INLINE uint32_t load_u32(const uint8_t *p) {
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

INLINE float half_to_float(const uint8_t *p) {
    return _cvtsh_ss((unsigned short) load_u16(p));
}

INLINE float sum8(__m256 v) {
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
}

INLINE __m256i load32(const void *p) {
    return _mm256_loadu_si256((const __m256i *) p);
}

INLINE __m128i load16(const void *p) {
    return _mm_loadu_si128((const __m128i *) p);
}

/* 32 unsigned bytes (<= 128) times 32 signed bytes (|x| <= 127): 8 int32 sums of four products, as floats. */
INLINE __m256 dot_u8_s8(__m256i u, __m256i s) {
    return _mm256_cvtepi32_ps(dot_u8_s8_acc(_mm256_setzero_si256(), u, s));
}

/* Signed bytes times signed bytes: move the signs of q onto x so that the left operand is unsigned. */
INLINE __m256 dot_s8_s8(__m256i q, __m256i x) {
    return dot_u8_s8(_mm256_sign_epi8(q, q), _mm256_sign_epi8(x, q));
}

/* 16 bytes of nibbles (low nibble of byte j = value j, high nibble = value j + 16) as 32 bytes 0..15. */
INLINE __m256i nibbles32(const uint8_t *p) {
    __m128i b = load16(p);
    return _mm256_and_si256(_mm256_set_m128i(_mm_srli_epi16(b, 4), b), _mm256_set1_epi8(0x0F));
}

/* 32 bits as 32 bytes: byte j is 0xFF where bit j is set, else 0. */
INLINE __m256i bits32(uint32_t bits) {
    const __m256i select = _mm256_setr_epi8(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1,
                                            2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3);
    const __m256i bit = _mm256_set1_epi64x(0x8040201008040201LL);
    __m256i spread = _mm256_shuffle_epi8(_mm256_set1_epi32((int) bits), select);
    return _mm256_cmpeq_epi8(_mm256_and_si256(spread, bit), bit);
}

/* Bit `shift` of each of 32 bytes, moved to bit `to` (shift, to < 8). */
INLINE __m256i bit_of_bytes(__m256i bytes, int shift, int to) {
    return _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(bytes, shift), _mm256_set1_epi8(1)), to);
}

/* ggml's kvalues_iq4nl (Iq4Codebook.java) in both 128-bit halves, for vpshufb. */
INLINE __m256i iq4_levels(__m256i indices) {
    const __m256i levels = _mm256_setr_epi8(-127, -104, -83, -65, -49, -35, -22, -10, 1, 13, 25, 38, 53, 69, 89, 113,
                                            -127, -104, -83, -65, -49, -35, -22, -10, 1, 13, 25, 38, 53, 69, 89, 113);
    return _mm256_shuffle_epi8(levels, indices);
}

/* A float added to lane 0 only (a block's offset term into a vector accumulator). */
INLINE __m256 lane0(float v) {
    return _mm256_zextps128_ps256(_mm_set_ss(v));
}

/*
 * Asks for the cache lines `ahead` bytes past a row, one row's length of them, as each row starts: the
 * weights are streamed once, and the hardware prefetcher alone keeps fewer reads in flight than the
 * memory can serve while the core is busy unpacking.
 */
INLINE void prefetch_ahead(const uint8_t *row, int64_t row_bytes) {
    const int64_t ahead = 2048;
    for (int64_t at = 0; at < row_bytes; at += 64) {
        _mm_prefetch((const char *) row + ahead + at, _MM_HINT_T0);
    }
}

/*
 * One block against its activations: acc += the block's dot product, mins += what the row subtracts at
 * the end (types with minimums). qx points at the block's first activation, dx at its scales (one per
 * 32 or 256 values), sx at its sums (one float per 32 values, or 16 words per 256, see Q4_K).
 */
#define BLOCK_ARGS const uint8_t *block, const int8_t *qx, const float *dx, const float *sx, __m256 *acc, __m256 *mins
typedef void (*block_fn)(BLOCK_ARGS);

/*
 * The row loop of every block type but Q4_0: blocks alternate between two pairs of accumulators so that
 * FMA latency does not serialize the loop; row = sum(acc) - sum(mins), in this order for any range.
 */
INLINE void block_rows(const uint8_t *w, int64_t offset, int32_t rows, int32_t blocks, int64_t block_bytes,
                       int64_t values, int64_t scales, int64_t sums, const int8_t *qx, const float *dx,
                       const float *sx, float *y, int32_t y_offset, block_fn block) {
    for (int32_t r = 0; r < rows; r++) {
        const uint8_t *row = w + offset + (int64_t) r * blocks * block_bytes;
        prefetch_ahead(row, (int64_t) blocks * block_bytes);
        __m256 even = _mm256_setzero_ps(), odd = _mm256_setzero_ps();
        __m256 even_mins = _mm256_setzero_ps(), odd_mins = _mm256_setzero_ps();
        int32_t b = 0;
        for (; b + 1 < blocks; b += 2) {
            block(row + block_bytes * b, qx + values * b, dx + scales * b, sx + sums * b, &even, &even_mins);
            block(row + block_bytes * (b + 1), qx + values * (b + 1), dx + scales * (b + 1), sx + sums * (b + 1),
                  &odd, &odd_mins);
        }
        if (b < blocks) {
            block(row + block_bytes * b, qx + values * b, dx + scales * b, sx + sums * b, &even, &even_mins);
        }
        y[y_offset + r] = sum8(_mm256_add_ps(even, odd)) - sum8(_mm256_add_ps(even_mins, odd_mins));
    }
}

/* Exports one type's row-range kernel built from its block function (see block_rows). */
#define BLOCK_ROWS(type, block_bytes, values, scales, sums, block)                                         \
    void ROWS(type)(const uint8_t *w, int64_t offset, int32_t rows, int32_t blocks, const int8_t *qx,        \
                    const float *dx, const float *sx, float *y, int32_t y_offset) {                           \
        block_rows(w, offset, rows, blocks, block_bytes, values, scales, sums, qx, dx, sx, y, y_offset, block); \
    }

/* ---- 32-value blocks (and IQ4_XS) against Q8_0 activations: qx int8 per value, dx one scale per 32,
 *      sx per 32 the float sum of the dequantized activations ---- */

/*
 * Blocks are taken eight at a time: their fp16 scales (and Q4_1's and Q5_1's minimums) are converted
 * together and multiplied by the eight activation scales (sums) at once, so that a block costs its
 * unpacking, one byte dot product and one multiply-add with a broadcast scale.
 */
typedef __m256i (*unpack_fn)(const uint8_t *block);

/* n <= 8 fp16 values `stride` bytes apart from p, as floats; lanes from n on are zero. */
INLINE __m256 halves8(const uint8_t *p, int64_t stride, int n) {
    uint64_t low = 0, high = 0;
    for (int i = 0; i < n && i < 4; i++) {
        low |= (uint64_t) load_u16(p + stride * i) << 16 * i;
    }
    for (int i = 4; i < n; i++) {
        high |= (uint64_t) load_u16(p + stride * i) << 16 * (i - 4);
    }
    return _mm256_cvtph_ps(_mm_set_epi64x((long long) high, (long long) low));
}

/* The first n <= 8 floats at p, zeros after them; reads nothing past p[n - 1]. */
INLINE __m256 first_floats(const float *p, int n) {
    if (n == 8) {
        return _mm256_loadu_ps(p);
    }
    return _mm256_maskload_ps(p, _mm256_cmpgt_epi32(_mm256_set1_epi32(n), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7)));
}

/*
 * n <= 8 blocks at `at`: even/odd += d * dx * (the block's values, signed or unsigned bytes from unpack,
 * times its activations); mins -= m * sx for the types with a minimum m at byte min_at (else min_at < 0),
 * and mins += offset * d * sx for those whose unsigned values stand for value - offset.
 */
INLINE void blocks32(const uint8_t *at, int n, int64_t block_bytes, int64_t min_at, int offset, int is_signed,
                     unpack_fn unpack, const int8_t *qx, const float *dx, const float *sx, __m256 *even, __m256 *odd,
                     __m256 *mins) {
    float scales[8];
    __m256 d = halves8(at, block_bytes, n);
    _mm256_storeu_ps(scales, _mm256_mul_ps(d, first_floats(dx, n)));
    if (min_at >= 0) {
        *mins = _mm256_fnmadd_ps(halves8(at + min_at, block_bytes, n), first_floats(sx, n), *mins);
    }
    if (offset != 0) {
        *mins = _mm256_fmadd_ps(_mm256_mul_ps(d, _mm256_set1_ps((float) offset)), first_floats(sx, n), *mins);
    }
    for (int i = 0; i < n; i++) {
        __m256i q = unpack(at + block_bytes * i), x = load32(qx + 32 * i);
        __m256 p = is_signed ? dot_s8_s8(q, x) : dot_u8_s8(q, x);
        __m256 *acc = i & 1 ? odd : even;
        *acc = _mm256_fmadd_ps(_mm256_broadcast_ss(scales + i), p, *acc);
    }
}

/* The row loop of the 32-value types but Q4_0: row = sum(even + odd) - sum(mins), in this order for any range. */
INLINE void rows32(const uint8_t *w, int64_t offset, int32_t rows, int32_t blocks, int64_t block_bytes,
                   int64_t min_at, int value_offset, int is_signed, unpack_fn unpack, const int8_t *qx, const float *dx,
                   const float *sx, float *y, int32_t y_offset) {
    for (int32_t r = 0; r < rows; r++) {
        const uint8_t *row = w + offset + (int64_t) r * blocks * block_bytes;
        prefetch_ahead(row, (int64_t) blocks * block_bytes);
        __m256 even = _mm256_setzero_ps(), odd = _mm256_setzero_ps(), mins = _mm256_setzero_ps();
        int32_t b = 0;
        for (; b + 8 <= blocks; b += 8) {
            blocks32(row + block_bytes * b, 8, block_bytes, min_at, value_offset, is_signed, unpack,
                     qx + 32 * (int64_t) b, dx + b, sx + b, &even, &odd, &mins);
        }
        if (b < blocks) {
            blocks32(row + block_bytes * b, blocks - b, block_bytes, min_at, value_offset, is_signed, unpack,
                     qx + 32 * (int64_t) b, dx + b, sx + b, &even, &odd, &mins);
        }
        y[y_offset + r] = sum8(_mm256_add_ps(even, odd)) - sum8(mins);
    }
}

/* Exports one 32-value type's row-range kernel (see rows32). */
#define ROWS32(type, block_bytes, min_at, value_offset, is_signed, unpack)                                           \
    void ROWS(type)(const uint8_t *w, int64_t offset, int32_t rows, int32_t blocks, const int8_t *qx,        \
                    const float *dx, const float *sx, float *y, int32_t y_offset) {                           \
        rows32(w, offset, rows, blocks, block_bytes, min_at, value_offset, is_signed, unpack, qx, dx, sx, y,  \
               y_offset);                                                                                       \
    }

/* Q8_0: fp16 d, 32 int8 q; x = d * q. */
INLINE __m256i q8_0_values(const uint8_t *block) {
    return load32(block + 2);
}

/* Q4_1: fp16 d, fp16 m, 16 bytes of nibbles; x = d * q + m. */
INLINE __m256i q4_1_values(const uint8_t *block) {
    return nibbles32(block + 4);
}

/* Q5_0: fp16 d, 32 fifth bits, 16 bytes of nibbles; x = d * (q - 16), the -16 through the sums. */
INLINE __m256i q5_0_values(const uint8_t *block) {
    return _mm256_or_si256(nibbles32(block + 6), _mm256_and_si256(bits32(load_u32(block + 2)), _mm256_set1_epi8(0x10)));
}

/* Q5_1: fp16 d, fp16 m, 32 fifth bits, 16 bytes of nibbles; x = d * q + m. */
INLINE __m256i q5_1_values(const uint8_t *block) {
    return _mm256_or_si256(nibbles32(block + 8), _mm256_and_si256(bits32(load_u32(block + 4)), _mm256_set1_epi8(0x10)));
}

/* IQ4_NL: fp16 d, 16 bytes of nibbles indexing the codebook; x = d * level(q). */
INLINE __m256i iq4_nl_values(const uint8_t *block) {
    return iq4_levels(nibbles32(block + 2));
}

ROWS32(q8_0, 34, -1, 0, 1, q8_0_values)
ROWS32(q4_1, 20, 2, 0, 0, q4_1_values)
ROWS32(q5_0, 22, -1, 16, 0, q5_0_values)
ROWS32(q5_1, 24, 2, 0, 0, q5_1_values)
ROWS32(iq4_nl, 18, -1, 0, 1, iq4_nl_values)

/*
 * IQ4_XS: fp16 d, 16 bits of scale tops, 4 bytes of scale nibbles, 8 IQ4_NL sub-blocks of 16 bytes;
 * sub-block i: x = d * (scale_i - 32) * level(q). Against Q8_0 activations (a scale per 32 values, more
 * precise than llama.cpp's Q8_K per 256: with that, a conformance case missed its top-1 bound). The eight
 * sub-block scales are unpacked and multiplied by d and the eight activation scales at once; each
 * sub-block is then one byte dot product and one multiply-add with its broadcast scale.
 */
INLINE void iq4_xs_block(BLOCK_ARGS) {
    (void) sx, (void) mins;
    __m256i low = _mm256_srlv_epi32(_mm256_set1_epi32((int) load_u32(block + 4)),
                                    _mm256_setr_epi32(0, 4, 8, 12, 16, 20, 24, 28));
    __m256i high = _mm256_srlv_epi32(_mm256_set1_epi32((int) load_u16(block + 2)),
                                     _mm256_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14));
    __m256i scale = _mm256_or_si256(_mm256_and_si256(low, _mm256_set1_epi32(0xF)),
                                    _mm256_slli_epi32(_mm256_and_si256(high, _mm256_set1_epi32(3)), 4));
    float scales[8];
    _mm256_storeu_ps(scales, _mm256_mul_ps(_mm256_mul_ps(_mm256_set1_ps(half_to_float(block)), _mm256_loadu_ps(dx)),
                                           _mm256_cvtepi32_ps(_mm256_sub_epi32(scale, _mm256_set1_epi32(32)))));
    __m256 even = *acc, odd = _mm256_setzero_ps();
    for (int i = 0; i < 8; i += 2) {
        __m256 p = dot_s8_s8(iq4_levels(nibbles32(block + 8 + 16 * i)), load32(qx + 32 * i));
        __m256 q = dot_s8_s8(iq4_levels(nibbles32(block + 24 + 16 * i)), load32(qx + 32 * i + 32));
        even = _mm256_fmadd_ps(_mm256_broadcast_ss(scales + i), p, even);
        odd = _mm256_fmadd_ps(_mm256_broadcast_ss(scales + i + 1), q, odd);
    }
    *acc = _mm256_add_ps(even, odd);
}

BLOCK_ROWS(iq4_xs, 136, 256, 8, 8, iq4_xs_block)

/*
 * Q4_0 blocks (fp16 d, 16 bytes of nibbles n: low = values 0..15, high = 16..31; value = d * (n - 8))
 * are taken two at a time, block A's 16 bytes in the low half of a register and B's in the high half,
 * so one mask and one shift unpack 64 values. The activations come in the matching order (see
 * deepseek4j_q4_0_rows). Returns 8 int32 sums: lanes 0-3 block A's, 4-7 block B's, offset included.
 */
INLINE __m256i q4_0_pair_sums(__m256i packed, const int8_t *qx, const int32_t *offsets) {
    const __m256i low4 = _mm256_set1_epi8(0x0F);
    __m256i sums = dot2_u8_s8_acc(_mm256_setzero_si256(), _mm256_and_si256(packed, low4), load32(qx),
                                  _mm256_and_si256(_mm256_srli_epi16(packed, 4), low4), load32(qx + 32));
    return _mm256_sub_epi32(sums, load32(offsets));
}

/* Block A's 16 bytes of nibbles (A = the block at a) in the low half, the next block's in the high half. */
INLINE __m256i q4_0_two_blocks(const uint8_t *a) {
    return _mm256_inserti128_si256(_mm256_castsi128_si256(load16(a + 2)), load16(a + 20), 1);
}

/* One block's nibbles in the low half, zeros in the high half (a row's last, unpaired block). */
INLINE __m256i q4_0_one_block(const uint8_t *a) {
    return _mm256_zextsi128_si256(load16(a + 2));
}

/* Four fp16 block scales packed in 64 bits, times their activation scales dx[0..3]: four floats. */
INLINE __m256 q4_0_scales(uint64_t halves, const float *dx) {
    return _mm256_castps128_ps256(_mm_mul_ps(_mm_cvtph_ps(_mm_cvtsi64_si128((long long) halves)), _mm_loadu_ps(dx)));
}

/* acc += [f0 x4, f1 x4] * sums, where spread picks (f0, f1) out of four block scales f. */
INLINE __m256 q4_0_accumulate(__m256 f, __m256i spread, __m256i sums, __m256 acc) {
    return _mm256_fmadd_ps(_mm256_permutevar8x32_ps(f, spread), _mm256_cvtepi32_ps(sums), acc);
}

/*
 * Q4_0, per pair of blocks (A, B) = (2p, 2p + 1): qx 64 bytes [A0..15, B0..15, A16..31, B16..31];
 * dx one float per block; sx 8 int32 per pair [8 sum(qA), 0, 0, 0, 8 sum(qB), 0, 0, 0], the -8 offset
 * in integers. An odd last block is a pair whose B half is zero. Four blocks' fp16 scales are converted
 * together and spread to their pairs' lanes with vpermps.
 */
void ROWS(q4_0)(const uint8_t *w, int64_t offset, int32_t rows, int32_t blocks, const int8_t *qx,
                const float *dx, const float *sx, float *y, int32_t y_offset) {
    const int32_t *offsets = (const int32_t *) sx;
    const __m256i first_pair = _mm256_setr_epi32(0, 0, 0, 0, 1, 1, 1, 1);
    const __m256i second_pair = _mm256_setr_epi32(2, 2, 2, 2, 3, 3, 3, 3);
    for (int32_t r = 0; r < rows; r++) {
        const uint8_t *row = w + offset + (int64_t) r * blocks * 18;
        prefetch_ahead(row, (int64_t) blocks * 18);
        __m256 even = _mm256_setzero_ps(), odd = _mm256_setzero_ps();
        int32_t b = 0;
        for (; b + 4 <= blocks; b += 4) {
            const uint8_t *at = row + 18 * (int64_t) b;
            const int8_t *x = qx + 32 * (int64_t) b;
            const int32_t *o = offsets + 4 * (int64_t) b;
            uint64_t halves = load_u16(at) | (uint64_t) load_u16(at + 18) << 16
                    | (uint64_t) load_u16(at + 36) << 32 | (uint64_t) load_u16(at + 54) << 48;
            __m256 f = q4_0_scales(halves, dx + b);
            even = q4_0_accumulate(f, first_pair, q4_0_pair_sums(q4_0_two_blocks(at), x, o), even);
            odd = q4_0_accumulate(f, second_pair, q4_0_pair_sums(q4_0_two_blocks(at + 36), x + 64, o + 8), odd);
        }
        int32_t left = blocks - b; /* 0 to 3 blocks, scales of missing blocks zero */
        if (left > 0) {
            const uint8_t *at = row + 18 * (int64_t) b;
            const int8_t *x = qx + 32 * (int64_t) b;
            const int32_t *o = offsets + 4 * (int64_t) b;
            uint64_t halves = 0;
            float scales[4] = {0, 0, 0, 0};
            for (int32_t i = 0; i < left; i++) {
                halves |= (uint64_t) load_u16(at + 18 * i) << (16 * i);
                scales[i] = dx[b + i];
            }
            __m256 f = q4_0_scales(halves, scales);
            __m256i pair = left >= 2 ? q4_0_two_blocks(at) : q4_0_one_block(at);
            even = q4_0_accumulate(f, first_pair, q4_0_pair_sums(pair, x, o), even);
            if (left == 3) {
                odd = q4_0_accumulate(f, second_pair, q4_0_pair_sums(q4_0_one_block(at + 36), x + 64, o + 8), odd);
            }
        }
        y[y_offset + r] = sum8(_mm256_add_ps(even, odd));
    }
}

/* ---- k-quant super-blocks of 256 values against llama.cpp's Q8_K activations: qx int8 per value, dx one scale per
 *      256, sx 16 words per super-block: 8 floats, per 32 values the float sum of the dequantized
 *      activations, then 16 int16, per 16 values the sum of the int8 activations (ggml's bsums) ---- */

/* Eight bytes packed in a 64-bit word, as eight floats. */
INLINE __m256 bytes_to_floats(uint64_t bytes) {
    return _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(_mm_cvtsi64_si128((long long) bytes)));
}

/*
 * Q4_K and Q5_K super-blocks: fp16 d, fp16 dmin, 12 bytes of eight 6-bit (scale, min) pairs, Q5_K's 32
 * bytes of fifth bits qh (bit i of qh[l]: value l of sub-block i; qh NULL for Q4_K), then 128 bytes of
 * nibbles qs (32 bytes per pair of sub-blocks: low nibbles sub-block 2g, high nibbles 2g+1); value =
 * d*sc*q - dmin*m. With one activation scale per super-block the six-bit scales multiply in integers
 * (vpmaddwd) and the whole super-block is one integer sum, then one float multiply-add; the mins go to
 * *mins per sub-block.
 */
INLINE void k_scale_min_block(const uint8_t *block, const uint8_t *qh, const uint8_t *qs, const int8_t *qx,
                              float dx, const float *sx, __m256 *acc, __m256 *mins) {
    uint32_t s[3];
    memcpy(s, block + 4, 12);
    uint64_t scales = (s[0] & 0x3F3F3F3Fu)
            | (uint64_t) ((s[2] & 0x0F0F0F0Fu) | ((s[0] >> 6) & 0x03030303u) << 4) << 32;
    uint64_t minimums = (s[1] & 0x3F3F3F3Fu)
            | (uint64_t) (((s[2] >> 4) & 0x0F0F0F0Fu) | ((s[1] >> 6) & 0x03030303u) << 4) << 32;
    *mins = _mm256_fmadd_ps(_mm256_mul_ps(_mm256_set1_ps(half_to_float(block + 2)), bytes_to_floats(minimums)),
                            _mm256_loadu_ps(sx), *mins);
    /* the eight scales as int16 in both 128-bit halves, so that vpshufb can broadcast any of them */
    __m256i scales16 = _mm256_broadcastsi128_si256(_mm_cvtepu8_epi16(_mm_cvtsi64_si128((long long) scales)));
    const __m256i low4 = _mm256_set1_epi8(0x0F);
    __m256i fifth = qh ? load32(qh) : _mm256_setzero_si256();
    __m256i sum = _mm256_setzero_si256();
    for (int g = 0; g < 4; g++) {
        __m256i packed = load32(qs + 32 * g);
        __m256i low = _mm256_and_si256(packed, low4);
        __m256i high = _mm256_and_si256(_mm256_srli_epi16(packed, 4), low4);
        if (qh) {
            low = _mm256_or_si256(low, bit_of_bytes(fifth, 2 * g, 4));
            high = _mm256_or_si256(high, bit_of_bytes(fifth, 2 * g + 1, 4));
        }
        __m256i scale_low = _mm256_shuffle_epi8(scales16, _mm256_set1_epi16((short) (0x0100 + 0x0202 * 2 * g)));
        __m256i scale_high = _mm256_shuffle_epi8(scales16, _mm256_set1_epi16((short) (0x0100 + 0x0202 * (2 * g + 1))));
        sum = madd_acc(sum, _mm256_maddubs_epi16(low, load32(qx + 64 * g)), scale_low);
        sum = madd_acc(sum, _mm256_maddubs_epi16(high, load32(qx + 64 * g + 32)), scale_high);
    }
    *acc = _mm256_fmadd_ps(_mm256_set1_ps(half_to_float(block) * dx), _mm256_cvtepi32_ps(sum), *acc);
}

INLINE void q4_k_block(BLOCK_ARGS) {
    k_scale_min_block(block, NULL, block + 16, qx, dx[0], sx, acc, mins);
}

INLINE void q5_k_block(BLOCK_ARGS) {
    k_scale_min_block(block, block + 16, block + 48, qx, dx[0], sx, acc, mins);
}

/*
 * Sixteen int8 sub-block scales as int16, the even ones in the low 128-bit half and the odd ones in the
 * high half, so that one vpshufb gives any pair (2p, 2p+1) its scales, each across its half.
 */
INLINE __m256i spread_scales(__m128i scales) {
    const __m128i evens_then_odds = _mm_setr_epi8(0, 2, 4, 6, 8, 10, 12, 14, 1, 3, 5, 7, 9, 11, 13, 15);
    return _mm256_cvtepi8_epi16(_mm_shuffle_epi8(scales, evens_then_odds));
}

/*
 * sum + the 32 unsigned values q (values 32p .. 32p+31 of a super-block of sixteen sub-blocks of 16)
 * times their activations, each sub-block's products times its scale out of spread (spread_scales).
 */
INLINE __m256i scaled_pair(__m256i sum, __m256i q, const int8_t *qx, __m256i spread, int p) {
    __m256i pick = _mm256_shuffle_epi8(spread, _mm256_set1_epi16((short) (0x0100 + 0x0202 * p)));
    return madd_acc(sum, _mm256_maddubs_epi16(q, load32(qx + 32 * p)), pick);
}

/* Per sub-block of 16, its int8 scale times the sum of its int8 activations (sx's bsums): 8 int32. */
INLINE __m256i scaled_bsums(__m128i scales, const float *sx) {
    return _mm256_madd_epi16(_mm256_cvtepi8_epi16(scales), load32(sx + 8));
}

/*
 * Q6_K: ql[128] low nibbles, qh[64] top two bits, 16 int8 scales, fp16 d; x = d * scale * (q - 32).
 * Per half of 128 values: ql[l] low / high nibble are values l / l+64, ql[l+32] values l+32 / l+96,
 * bits 0-1, 2-3, 4-5, 6-7 of qh[l] values l, l+32, l+64, l+96. The -32 goes through the bsums.
 */
INLINE void q6_k_block(BLOCK_ARGS) {
    (void) mins;
    const __m256i low4 = _mm256_set1_epi8(0x0F), top2 = _mm256_set1_epi8(0x30);
    __m128i scales = load16(block + 192);
    __m256i spread = spread_scales(scales);
    __m256i sum = _mm256_setzero_si256();
    for (int h = 0; h < 2; h++) {
        __m256i ql0 = load32(block + 64 * h), ql1 = load32(block + 64 * h + 32), qh = load32(block + 128 + 32 * h);
        __m256i q0 = _mm256_or_si256(_mm256_and_si256(ql0, low4), _mm256_and_si256(_mm256_slli_epi16(qh, 4), top2));
        __m256i q1 = _mm256_or_si256(_mm256_and_si256(ql1, low4), _mm256_and_si256(_mm256_slli_epi16(qh, 2), top2));
        __m256i q2 = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(ql0, 4), low4), _mm256_and_si256(qh, top2));
        __m256i q3 = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(ql1, 4), low4),
                                     _mm256_and_si256(_mm256_srli_epi16(qh, 2), top2));
        sum = scaled_pair(sum, q0, qx, spread, 4 * h);
        sum = scaled_pair(sum, q1, qx, spread, 4 * h + 1);
        sum = scaled_pair(sum, q2, qx, spread, 4 * h + 2);
        sum = scaled_pair(sum, q3, qx, spread, 4 * h + 3);
    }
    sum = _mm256_sub_epi32(sum, _mm256_slli_epi32(scaled_bsums(scales, sx), 5));
    *acc = _mm256_fmadd_ps(_mm256_set1_ps(half_to_float(block + 208) * dx[0]), _mm256_cvtepi32_ps(sum), *acc);
}

/*
 * Q3_K's sixteen 6-bit scales minus 32 as int8: scale i has low nibble byte[i % 8] >> 4 * (i / 8) and top
 * two bits byte[8 + i % 4] >> 2 * (i / 4) of the 12 bytes at p (PackedScales.q3Scale).
 */
INLINE __m128i q3_k_scales(const uint8_t *p) {
    uint64_t low;
    memcpy(&low, p, 8);
    uint32_t high = load_u32(p + 8);
    __m128i bytes = _mm_cvtsi64_si128((long long) low);
    __m128i lows = _mm_and_si128(_mm_unpacklo_epi64(bytes, _mm_srli_epi16(bytes, 4)), _mm_set1_epi8(0x0F));
    __m128i highs = _mm_and_si128(_mm_setr_epi32((int) high, (int) (high >> 2), (int) (high >> 4), (int) (high >> 6)),
                                  _mm_set1_epi8(3));
    return _mm_sub_epi8(_mm_or_si128(lows, _mm_slli_epi16(highs, 4)), _mm_set1_epi8(32));
}

/*
 * Q3_K: hmask[32] (bit k of hmask[l]: third bit of value 32k+l), qs[64] (per half, bits 2s..2s+1 of
 * qs[l]: value 32s+l), 12 bytes of scales, fp16 d; x = d * scale * (q + 4 * hbit - 4), the -4 through
 * the bsums.
 */
INLINE void q3_k_block(BLOCK_ARGS) {
    (void) mins;
    __m128i scales = q3_k_scales(block + 96);
    __m256i spread = spread_scales(scales);
    __m256i hmask = load32(block);
    __m256i sum = _mm256_setzero_si256();
    for (int h = 0; h < 2; h++) {
        __m256i qs = load32(block + 32 + 32 * h);
        for (int s = 0; s < 4; s++) {
            __m256i q = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(qs, 2 * s), _mm256_set1_epi8(3)),
                                        bit_of_bytes(hmask, 4 * h + s, 2));
            sum = scaled_pair(sum, q, qx, spread, 4 * h + s);
        }
    }
    sum = _mm256_sub_epi32(sum, _mm256_slli_epi32(scaled_bsums(scales, sx), 2));
    *acc = _mm256_fmadd_ps(_mm256_set1_ps(half_to_float(block + 108) * dx[0]), _mm256_cvtepi32_ps(sum), *acc);
}

/*
 * Q2_K: 16 bytes of (scale, min) nibbles, qs[64] (per half, bits 2s..2s+1 of qs[l]: value 32s+l), fp16 d,
 * fp16 dmin; x = d * scale * q - dmin * min, the mins through the bsums.
 */
INLINE void q2_k_block(BLOCK_ARGS) {
    __m128i packed = load16(block);
    __m128i scales = _mm_and_si128(packed, _mm_set1_epi8(0x0F));
    __m128i minimums = _mm_and_si128(_mm_srli_epi16(packed, 4), _mm_set1_epi8(0x0F));
    __m256i spread = spread_scales(scales);
    __m256i sum = _mm256_setzero_si256();
    for (int h = 0; h < 2; h++) {
        __m256i qs = load32(block + 16 + 32 * h);
        for (int s = 0; s < 4; s++) {
            sum = scaled_pair(sum, _mm256_and_si256(_mm256_srli_epi16(qs, 2 * s), _mm256_set1_epi8(3)), qx, spread,
                              4 * h + s);
        }
    }
    *acc = _mm256_fmadd_ps(_mm256_set1_ps(half_to_float(block + 80) * dx[0]), _mm256_cvtepi32_ps(sum), *acc);
    *mins = _mm256_fmadd_ps(_mm256_set1_ps(half_to_float(block + 82) * dx[0]),
                            _mm256_cvtepi32_ps(scaled_bsums(minimums, sx)), *mins);
}

BLOCK_ROWS(q4_k, 144, 256, 1, 16, q4_k_block)
BLOCK_ROWS(q5_k, 176, 256, 1, 16, q5_k_block)
BLOCK_ROWS(q6_k, 210, 256, 1, 16, q6_k_block)
BLOCK_ROWS(q3_k, 110, 256, 1, 16, q3_k_block)
BLOCK_ROWS(q2_k, 84, 256, 1, 16, q2_k_block)


/* ---- F16 and BF16 rows against float activations: dx the n floats themselves; qx and sx unused ---- */

INLINE __m256 f16x8(const uint8_t *p) {
    return _mm256_cvtph_ps(load16(p));
}

INLINE float f16x1(const uint8_t *p) {
    return half_to_float(p);
}

INLINE __m256 bf16x8(const uint8_t *p) {
    return _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_cvtepu16_epi32(load16(p)), 16));
}

INLINE float bf16x1(const uint8_t *p) {
    uint32_t bits = load_u16(p) << 16;
    float f;
    memcpy(&f, &bits, 4);
    return f;
}

/*
 * Rows of n 16-bit floats: four accumulators over 32 values at a time, then 8 at a time into the first,
 * then the last n % 8 one by one.
 */
INLINE void half_rows(const uint8_t *w, int64_t offset, int32_t rows, int32_t n, const float *x, float *y,
                      int32_t y_offset, __m256 (*load8)(const uint8_t *), float (*load1)(const uint8_t *)) {
    for (int32_t r = 0; r < rows; r++) {
        const uint8_t *row = w + offset + (int64_t) r * n * 2;
        prefetch_ahead(row, (int64_t) n * 2);
        __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps(), a2 = _mm256_setzero_ps(), a3 = _mm256_setzero_ps();
        int32_t i = 0;
        for (; i + 32 <= n; i += 32) {
            a0 = _mm256_fmadd_ps(load8(row + 2 * (int64_t) i), _mm256_loadu_ps(x + i), a0);
            a1 = _mm256_fmadd_ps(load8(row + 2 * (int64_t) i + 16), _mm256_loadu_ps(x + i + 8), a1);
            a2 = _mm256_fmadd_ps(load8(row + 2 * (int64_t) i + 32), _mm256_loadu_ps(x + i + 16), a2);
            a3 = _mm256_fmadd_ps(load8(row + 2 * (int64_t) i + 48), _mm256_loadu_ps(x + i + 24), a3);
        }
        for (; i + 8 <= n; i += 8) {
            a0 = _mm256_fmadd_ps(load8(row + 2 * (int64_t) i), _mm256_loadu_ps(x + i), a0);
        }
        float sum = sum8(_mm256_add_ps(_mm256_add_ps(a0, a1), _mm256_add_ps(a2, a3)));
        for (; i < n; i++) {
            sum = fmaf(load1(row + 2 * (int64_t) i), x[i], sum);
        }
        y[y_offset + r] = sum;
    }
}

#define HALF_ROWS(type, load8, load1)                                                                            \
    void ROWS(type)(const uint8_t *w, int64_t offset, int32_t rows, int32_t n, const int8_t *qx, const float *dx, \
                    const float *sx, float *y, int32_t y_offset) {                                               \
        (void) qx, (void) sx;                                                                                    \
        half_rows(w, offset, rows, n, dx, y, y_offset, load8, load1);                                            \
    }

HALF_ROWS(f16, f16x8, f16x1)
HALF_ROWS(bf16, bf16x8, bf16x1)
